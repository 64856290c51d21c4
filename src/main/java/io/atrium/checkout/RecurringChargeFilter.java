package io.atrium.checkout;

import java.time.Instant;
import java.util.Set;

/**
 * Which of a producer's subscription charges to read ({@link RecurringChargeQuery}): the
 * purchases that belong to a subscription (first purchases, renewals, negotiations,
 * upgrade differences). Every field but the producer is optional (null matches
 * everything).
 *
 * @param producerAccountId the producer whose charges these are (always applied)
 * @param subscriptionId one subscription, or null
 * @param productId one product, or null
 * @param transaction one transaction code (exact), or null
 * @param statuses these statuses only; null for every status (an empty set matches
 * nothing)
 * @param from started at or after this instant, or null
 * @param to started before this instant, or null
 * @param offerCode one offer code (exact), or null
 * @param method one payment method, or null
 */
public record RecurringChargeFilter(long producerAccountId, Long subscriptionId, Long productId, String transaction,
		Set<PurchaseStatus> statuses, Instant from, Instant to, String offerCode, PaymentMethod method) {

	public RecurringChargeFilter {
		statuses = (statuses != null) ? Set.copyOf(statuses) : null;
	}

}
