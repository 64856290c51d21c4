package io.atrium.catalog;

/**
 * How an offer is paid.
 */
public enum PaymentMode {

	/** One payment. */
	SINGLE,

	/** A charge every billing period (a subscription or a plan). */
	RECURRING

}
