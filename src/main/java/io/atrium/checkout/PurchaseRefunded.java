package io.atrium.checkout;

import java.time.Instant;

/**
 * A purchase's money was given back (by the producer, or by the platform after a refund
 * request went unanswered for five days): the access it granted ends. Published once per
 * purchase, inside the transaction that recorded it. Listen with
 * {@code @ApplicationModuleListener}: the reaction runs after the commit and is retried
 * until it succeeds (so it must be idempotent).
 *
 * @param purchaseId the purchase's id
 * @param transaction the purchase's transaction code
 * @param productId the product bought
 * @param clubGroupId the members-area group of the offer, or null for the default group
 * @param buyerAccountId the buyer's account
 * @param producerAccountId the seller
 * @param refundedAt when
 */
public record PurchaseRefunded(long purchaseId, String transaction, long productId, Long clubGroupId,
		long buyerAccountId, long producerAccountId, Instant refundedAt) {

}
