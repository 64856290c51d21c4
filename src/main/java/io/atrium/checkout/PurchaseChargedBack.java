package io.atrium.checkout;

import java.time.Instant;

/**
 * The buyer's bank took a purchase's money back (a chargeback): the access it granted
 * ends. Published once per purchase, inside the transaction that recorded it. Listen with
 * {@code @ApplicationModuleListener}: the reaction runs after the commit and is retried
 * until it succeeds (so it must be idempotent).
 *
 * @param purchaseId the purchase's id
 * @param transaction the purchase's transaction code
 * @param productId the product bought
 * @param clubGroupId the members-area group of the offer, or null for the default group
 * @param buyerAccountId the buyer's account
 * @param producerAccountId the seller
 * @param chargedBackAt when
 */
public record PurchaseChargedBack(long purchaseId, String transaction, long productId, Long clubGroupId,
		long buyerAccountId, long producerAccountId, Instant chargedBackAt) {

}
