package io.atrium.subscriptions;

import java.time.Instant;

/**
 * What a subscription gives access to changed (it started, went overdue, was paid after
 * being overdue, was cancelled, reactivated…): published when its status, access end,
 * overdue date or subscriber changed, not for a renewal that leaves them as they were.
 * Published inside the transaction that changed it; the members area handles it after
 * commit with an {@code @ApplicationModuleListener} and keeps one access right per
 * subscription (a buyer with two subscriptions of one product has two independent
 * rights). Handlers must ignore an event whose {@code version} is lower than one they
 * already applied: retries may deliver events out of order.
 *
 * @param subscriptionId the subscription
 * @param subscriberCode its subscriber code
 * @param productId the product
 * @param producerAccountId the producer
 * @param buyerAccountId the subscriber's account
 * @param buyerEmail the subscriber's e-mail
 * @param firstPurchaseId the purchase that started it
 * @param status its status now
 * @param access whether it gives access now (active, trial, delayed within the producer's
 * grace, or cancelled before the end of the paid period)
 * @param accessUntil for a cancelled subscription, the end of the paid period (the last
 * moment of access); null otherwise
 * @param overdueSince for DELAYED and OVERDUE, the due date of the first unpaid
 * recurrence; null otherwise
 * @param changedAt when
 * @param version increases with every change of the subscription
 */
public record SubscriptionAccessChanged(long subscriptionId, String subscriberCode, long productId,
		long producerAccountId, long buyerAccountId, String buyerEmail, long firstPurchaseId, SubscriptionStatus status,
		boolean access, Instant accessUntil, Instant overdueSince, Instant changedAt, long version) {

}
