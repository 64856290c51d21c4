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
	EXPIRED_CARD

}
