package io.atrium.subscriptions;

/**
 * An installment negotiation that cannot be made as asked (recurrences that are not the
 * oldest unpaid ones, a discount larger than the total, a billet without a document…);
 * nothing was charged. The message says why.
 */
public class NegotiationRefused extends RuntimeException {

	/**
	 * @param message why, with the subscription's current state
	 */
	public NegotiationRefused(String message) {
		super(message);
	}

}
