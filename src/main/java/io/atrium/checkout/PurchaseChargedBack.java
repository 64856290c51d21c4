package io.atrium.checkout;

import java.time.Instant;

/**
 * The buyer's bank took a purchase's money back (a chargeback): the access it granted
 * ends. Published once per purchase, inside the transaction that recorded it (listen with
 * {@code @ApplicationModuleListener} to act after commit), together with
 * {@link PurchaseStatusChanged}.
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
