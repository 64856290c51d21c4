package io.atrium.checkout;

import java.time.Instant;

/**
 * A purchase changed status (every change, including the first, from null to
 * {@link PurchaseStatus#STARTED}). Published inside the transaction that made it.
 *
 * @param transaction the purchase's transaction code
 * @param purchaseId the purchase's id
 * @param producerAccountId the seller
 * @param from the previous status, null for a new purchase
 * @param to the new status
 * @param at when
 */
public record PurchaseStatusChanged(String transaction, long purchaseId, long producerAccountId, PurchaseStatus from,
		PurchaseStatus to, Instant at) {

}
