package io.atrium.checkout;

/**
 * Where a gateway charge stands.
 */
public enum ChargeStatus {

	/** Paid. */
	APPROVED,

	/** Refused; see the decline reason. */
	DECLINED,

	/** Waiting for the buyer to pay a PIX code or a billet. */
	PENDING,

	/** A pending charge that was not paid in time. */
	EXPIRED,

	/** Paid, then given back. */
	REFUNDED

}
