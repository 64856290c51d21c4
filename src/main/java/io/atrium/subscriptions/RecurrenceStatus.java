package io.atrium.subscriptions;

import io.atrium.checkout.Purchase;

/**
 * Where one charge of a subscription stands, as the compatible API names it
 * ({@code recurrency_status}).
 */
public enum RecurrenceStatus {

	/** Paid. */
	PAID,

	/** Not paid (yet, or ever). */
	NOT_PAID,

	/** Paid, and the subscriber asked for a refund. */
	CLAIMED,

	/** Paid and given back. */
	REFUNDED,

	/** Paid and taken back by the subscriber's bank. */
	CHARGEBACK;

	/**
	 * @param charge a charge of a subscription
	 * @return where it stands
	 */
	public static RecurrenceStatus of(Purchase charge) {
		return switch (charge.status()) {
			case APPROVED -> (charge.refundRequestedAt() != null) ? CLAIMED : PAID;
			case COMPLETE -> PAID;
			case REFUNDED, PARTIALLY_REFUNDED -> REFUNDED;
			case CHARGEBACK -> CHARGEBACK;
			default -> NOT_PAID;
		};
	}

}
