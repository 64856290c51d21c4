package io.atrium.club.groups;

/**
 * What became of the purchase behind an enrolment.
 */
public enum PurchaseState {

	/** Paid, or no purchase at all (an imported student). */
	ACTIVE,

	/** Refunded: access ends. */
	REFUNDED,

	/** Charged back: access ends. */
	CHARGED_BACK

}
