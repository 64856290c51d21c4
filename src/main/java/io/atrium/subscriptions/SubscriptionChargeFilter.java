package io.atrium.subscriptions;

import java.time.Instant;
import java.util.Set;

import io.atrium.checkout.PaymentMethod;
import io.atrium.checkout.PurchaseStatus;

/**
 * Which charges of a producer's subscriptions to list ({@link SubscriptionTransactions}).
 * Every field but the producer is optional (null matches everything).
 *
 * @param producerAccountId the producer (always applied)
 * @param productId one product, or null
 * @param transaction one transaction code, or null
 * @param subscriberName part of the subscriber's name (any case), or null
 * @param subscriberEmail part of the subscriber's e-mail address (any case), or null
 * @param subscriberCode one subscriber code (any case), or null
 * @param subscriptionStatuses the subscription's status now, or null
 * @param recurrenceStatuses where the charge stands, or null
 * @param purchaseStatuses the charge's purchase status, or null
 * @param from charges started at or after this instant, or null
 * @param to charges started before this instant, or null
 * @param offerCode the plan's offer code, or null
 * @param method one payment method, or null
 * @param nothing true to match nothing (a filter naming something Atrium never has)
 */
public record SubscriptionChargeFilter(long producerAccountId, Long productId, String transaction,
		String subscriberName, String subscriberEmail, String subscriberCode,
		Set<SubscriptionStatus> subscriptionStatuses, Set<RecurrenceStatus> recurrenceStatuses,
		Set<PurchaseStatus> purchaseStatuses, Instant from, Instant to, String offerCode, PaymentMethod method,
		boolean nothing) {

	public SubscriptionChargeFilter {
		subscriptionStatuses = (subscriptionStatuses != null) ? Set.copyOf(subscriptionStatuses) : null;
		recurrenceStatuses = (recurrenceStatuses != null) ? Set.copyOf(recurrenceStatuses) : null;
		purchaseStatuses = (purchaseStatuses != null) ? Set.copyOf(purchaseStatuses) : null;
	}

}
