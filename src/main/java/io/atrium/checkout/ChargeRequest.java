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
 */
public record ChargeRequest(String idempotencyKey, Money amount, PaymentMethod method, CardDetails card,
		String buyerName, String buyerEmail, String description) {

	public ChargeRequest {
		Objects.requireNonNull(idempotencyKey, "idempotencyKey");
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(method, "method");
		if (amount.amountMinor() <= 0) {
			throw new IllegalArgumentException("A charge must be positive: " + amount);
		}
		if (method == PaymentMethod.CARD && card == null) {
			throw new IllegalArgumentException("A card payment needs a card");
		}
	}

}
