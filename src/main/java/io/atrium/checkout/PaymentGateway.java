package io.atrium.checkout;

import java.util.Optional;

/**
 * The port to a payment processor. Checkout calls it outside any database transaction,
 * always with the purchase's transaction code as the idempotency key, so a retried call
 * never charges twice: a processor that already has a charge for the key answers that
 * charge instead of making another.
 * <p>
 * Exactly one implementation is active, chosen by {@code atrium.payments.gateway}
 * ({@code sandbox}, the default, is the built-in test-mode processor). See
 * docs/payments.md to plug a real one.
 */
public interface PaymentGateway {

	/**
	 * Charges once per idempotency key. Card payments are decided at once (approved or
	 * declined); PIX and billet answer pending with the data the buyer pays with.
	 * @param request what to charge
	 * @return the charge, new or the one made earlier with the same key
	 */
	Charge charge(ChargeRequest request);

	/**
	 * Finds the charge made with an idempotency key, with its current status (a pending
	 * charge may since have been paid or expired).
	 * @param idempotencyKey the key the charge was made with
	 * @return the charge, empty when none was made with that key
	 */
	Optional<Charge> find(String idempotencyKey);

	/**
	 * Gives a charge's money back, once.
	 * @param idempotencyKey the key the charge was made with
	 * @return the charge after the refund
	 * @throws IllegalStateException when there is no approved charge for that key
	 */
	Charge refund(String idempotencyKey);

	/**
	 * Marks an unpaid pending charge as expired so it can no longer be paid.
	 * @param idempotencyKey the key the charge was made with
	 * @return the charge as it is now: expired, or paid when the payment came first
	 */
	Optional<Charge> expire(String idempotencyKey);

}
