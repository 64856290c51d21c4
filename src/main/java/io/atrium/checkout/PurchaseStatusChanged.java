package io.atrium.checkout;

import java.time.Instant;

/**
 * A purchase's status changed: published for every recorded status change (the one place
 * they are all saved), inside the transaction that recorded it, including a new
 * purchase's first {@code STARTED}. Imported purchases (demo data, migrations) publish
 * nothing. Listen with {@code @ApplicationModuleListener}: the reaction runs after the
 * commit and is retried until it succeeds, so it must be idempotent (for example keyed on
 * {@code purchaseId}, {@code to} and {@code at}).
 *
 * @param purchaseId the purchase's id
 * @param transaction its transaction code ({@code HP…})
 * @param productId the product bought
 * @param producerAccountId the seller
 * @param buyerAccountId the buyer's account, null until the purchase is approved
 * @param from the status before, null for a new purchase
 * @param to the status after
 * @param reason a short code saying why (a decline reason), or null
 * @param at when
 * @param subscriptionId the subscription the purchase charges, null for a one-off
 * purchase and for a plan's first purchase until its subscription is made
 */
public record PurchaseStatusChanged(long purchaseId, String transaction, long productId, long producerAccountId,
		Long buyerAccountId, PurchaseStatus from, PurchaseStatus to, String reason, Instant at, Long subscriptionId) {

}
