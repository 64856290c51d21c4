package io.atrium.checkout;

import java.util.Objects;

import io.atrium.shared.Money;

/**
 * One charge to make.
 *
 * @param idempotencyKey the purchase's transaction code: one charge per key
 * @param amount what to charge
 * @param method card, PIX or billet
 * @param card the card, for {@link PaymentMethod#CARD}; null otherwise. Held in memory
 * only for this call, never stored
 * @param buyerName the payer's name
 * @param buyerEmail the payer's e-mail
 * @param description what is bought, shown on the payer's statement
 * @param paymentToken a stored payment method to charge instead of a typed card
 * (renewals); null when {@code card} is given or for PIX and billet
 * @param storeMethod whether the gateway keeps the card for later charges and answers its
 * token ({@link Charge#paymentToken()}); with an amount of zero the card is only verified
 * and stored (a free trial)
 * @param installments how many installments the card's issuer bills the amount in (1 to
 * 12, more than 1 for a card only); the amount is charged once, in full
 */
public record ChargeRequest(String idempotencyKey, Money amount, PaymentMethod method, CardDetails card,
		String buyerName, String buyerEmail, String description, String paymentToken, boolean storeMethod,
		int installments) {

	public ChargeRequest {
		Objects.requireNonNull(idempotencyKey, "idempotencyKey");
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(method, "method");
		if (amount.amountMinor() < 0 || (amount.amountMinor() == 0 && !(storeMethod && card != null))) {
			throw new IllegalArgumentException("A charge must be positive (zero only to store a card): " + amount);
		}
		if (method == PaymentMethod.CARD && card == null && paymentToken == null) {
			throw new IllegalArgumentException("A card payment needs a card or a stored payment method");
		}
		if (installments < 1 || installments > Installments.MAX || (installments > 1 && method != PaymentMethod.CARD)) {
			throw new IllegalArgumentException(installments + " installments for a " + method + " payment");
		}
	}

	/**
	 * A charge in one installment.
	 * @param idempotencyKey one charge per key
	 * @param amount what to charge
	 * @param method how
	 * @param card the card, or null
	 * @param buyerName the payer's name
	 * @param buyerEmail the payer's e-mail
	 * @param description what is bought
	 * @param paymentToken a stored payment method, or null
	 * @param storeMethod whether to keep the card
	 */
	public ChargeRequest(String idempotencyKey, Money amount, PaymentMethod method, CardDetails card, String buyerName,
			String buyerEmail, String description, String paymentToken, boolean storeMethod) {
		this(idempotencyKey, amount, method, card, buyerName, buyerEmail, description, paymentToken, storeMethod, 1);
	}

	/**
	 * A one-off charge of a typed card, a PIX or a billet; nothing is stored.
	 * @param idempotencyKey one charge per key
	 * @param amount what to charge
	 * @param method how
	 * @param card the card for {@link PaymentMethod#CARD}
	 * @param buyerName the payer's name
	 * @param buyerEmail the payer's e-mail
	 * @param description what is bought
	 * @return the request
	 */
	public static ChargeRequest once(String idempotencyKey, Money amount, PaymentMethod method, CardDetails card,
			String buyerName, String buyerEmail, String description) {
		return new ChargeRequest(idempotencyKey, amount, method, card, buyerName, buyerEmail, description, null, false);
	}

}
