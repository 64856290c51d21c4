package io.atrium.checkout;

/**
 * Why a card payment was refused, in words the buyer is told.
 */
public enum DeclineReason {

	/** The bank refused the card. */
	DECLINED,

	/** Not enough funds or credit. */
	INSUFFICIENT_FUNDS,

	/** The processor failed; trying again may work. */
	PROCESSING_ERROR,

	/** The card number is not valid. */
	INVALID_CARD,

	/** The card's expiry date has passed. */
	EXPIRED_CARD,

	/** The card was reported lost or stolen. */
	STOLEN_CARD,

	/** The account behind the card is closed. */
	CLOSED_ACCOUNT;

	/**
	 * Soft declines may succeed later with the same card, so dunning retries them; hard
	 * declines (invalid, expired, stolen card, closed account) never will: the buyer must
	 * give another card.
	 * @return whether retrying the same card may succeed
	 */
	public boolean retriable() {
		return this == DECLINED || this == INSUFFICIENT_FUNDS || this == PROCESSING_ERROR;
	}

}
