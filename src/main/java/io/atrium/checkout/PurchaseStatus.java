package io.atrium.checkout;

/**
 * A purchase's status, spelled as in the Hotmart-compatible API (hotmart-api.md §2.5,
 * including its misspelled {@code UNDER_ANALISYS}).
 */
public enum PurchaseStatus {

	/** Recorded; the payment is being made. */
	STARTED,

	/** A PIX code waits to be paid. */
	WAITING_PAYMENT,

	/** A billet waits to be paid. */
	PRINTED_BILLET,

	/** The processor is still deciding. */
	PROCESSING_TRANSACTION,

	/** Held for a fraud review. */
	UNDER_ANALISYS,

	/** Paid; the buyer has access. */
	APPROVED,

	/** Paid and past the refund guarantee. */
	COMPLETE,

	/** The card was refused, or the purchase was called off. */
	CANCELLED,

	/** The card had insufficient funds. */
	NO_FUNDS,

	/** A pending payment was not made in time. */
	EXPIRED,

	/** Money given back. */
	REFUNDED,

	/** Part of the money given back. */
	PARTIALLY_REFUNDED,

	/** The buyer disputed the charge with the bank and won. */
	CHARGEBACK,

	/** Access blocked. */
	BLOCKED,

	/** Overdue (recurring charges). */
	OVERDUE,

	/** Protested (billet). */
	PROTESTED,

	/** Ordered before release. */
	PRE_ORDER;

	/**
	 * @return whether the buyer paid and has (or had, until the guarantee ended) access
	 */
	public boolean paid() {
		return this == APPROVED || this == COMPLETE;
	}

	/**
	 * @return whether a PIX or billet payment is awaited
	 */
	public boolean pending() {
		return this == WAITING_PAYMENT || this == PRINTED_BILLET;
	}

}
