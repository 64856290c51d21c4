package io.atrium.subscriptions;

import java.time.Instant;
import java.util.Set;

/**
 * Which of a producer's subscriptions to list ({@link SubscriptionSearch}). Every field
 * but the producer is optional (null matches everything); time windows include their
 * start and exclude their end.
 *
 * @param producerAccountId the producer whose subscriptions these are (always applied)
 * @param productId one product, or null
 * @param planNames plan names (any case), or null
 * @param planId one plan (its offer id), or null
 * @param startedFrom started at or after this instant, or null
 * @param startedTo started before this instant, or null
 * @param statuses these statuses only; null for every status (an empty set matches
 * nothing)
 * @param subscriberCode one subscriber code (any case), or null
 * @param subscriberEmail the subscriber's e-mail address (whole, any case), or null
 * @param transaction the transaction code of the subscription's first purchase, or null
 * @param trial true for subscriptions in their free trial now, false for the others, or
 * null
 * @param cancelledFrom cancelled at or after this instant, or null
 * @param cancelledTo cancelled before this instant, or null
 * @param nextChargeFrom next charge (for ended ones: the end of access) at or after this
 * instant, or null
 * @param nextChargeTo next charge (or end of access) before this instant, or null
 * @param search part of the subscriber's name or e-mail address or of the subscriber
 * code, any case, or null
 */
public record SubscriptionFilter(long producerAccountId, Long productId, Set<String> planNames, Long planId,
		Instant startedFrom, Instant startedTo, Set<SubscriptionStatus> statuses, String subscriberCode,
		String subscriberEmail, String transaction, Boolean trial, Instant cancelledFrom, Instant cancelledTo,
		Instant nextChargeFrom, Instant nextChargeTo, String search) {

	public SubscriptionFilter {
		planNames = (planNames != null) ? Set.copyOf(planNames) : null;
		statuses = (statuses != null) ? Set.copyOf(statuses) : null;
	}

	/**
	 * @param producerAccountId a producer
	 * @return every subscription of the producer
	 */
	public static SubscriptionFilter of(long producerAccountId) {
		return new SubscriptionFilter(producerAccountId, null, null, null, null, null, null, null, null, null, null,
				null, null, null, null, null);
	}

	/**
	 * @param text part of a subscriber's name, e-mail or code, or null
	 * @return this filter with that free-text search
	 */
	public SubscriptionFilter withSearch(String text) {
		return new SubscriptionFilter(this.producerAccountId, this.productId, this.planNames, this.planId,
				this.startedFrom, this.startedTo, this.statuses, this.subscriberCode, this.subscriberEmail,
				this.transaction, this.trial, this.cancelledFrom, this.cancelledTo, this.nextChargeFrom,
				this.nextChargeTo, text);
	}

	/**
	 * @param only statuses, or null for every status
	 * @return this filter with those statuses
	 */
	public SubscriptionFilter withStatuses(Set<SubscriptionStatus> only) {
		return new SubscriptionFilter(this.producerAccountId, this.productId, this.planNames, this.planId,
				this.startedFrom, this.startedTo, only, this.subscriberCode, this.subscriberEmail, this.transaction,
				this.trial, this.cancelledFrom, this.cancelledTo, this.nextChargeFrom, this.nextChargeTo, this.search);
	}

	/**
	 * @param product one product, or null
	 * @return this filter with that product
	 */
	public SubscriptionFilter withProduct(Long product) {
		return new SubscriptionFilter(this.producerAccountId, product, this.planNames, this.planId, this.startedFrom,
				this.startedTo, this.statuses, this.subscriberCode, this.subscriberEmail, this.transaction, this.trial,
				this.cancelledFrom, this.cancelledTo, this.nextChargeFrom, this.nextChargeTo, this.search);
	}

	/**
	 * @param from started at or after, or null
	 * @param to started before, or null
	 * @return this filter with that window of start
	 */
	public SubscriptionFilter withStarted(Instant from, Instant to) {
		return new SubscriptionFilter(this.producerAccountId, this.productId, this.planNames, this.planId, from, to,
				this.statuses, this.subscriberCode, this.subscriberEmail, this.transaction, this.trial,
				this.cancelledFrom, this.cancelledTo, this.nextChargeFrom, this.nextChargeTo, this.search);
	}

	/**
	 * @param code one subscriber code, or null
	 * @return this filter with that subscriber code
	 */
	public SubscriptionFilter withSubscriberCode(String code) {
		return new SubscriptionFilter(this.producerAccountId, this.productId, this.planNames, this.planId,
				this.startedFrom, this.startedTo, this.statuses, code, this.subscriberEmail, this.transaction,
				this.trial, this.cancelledFrom, this.cancelledTo, this.nextChargeFrom, this.nextChargeTo, this.search);
	}

	/**
	 * @param code the transaction code of a first purchase, or null
	 * @return this filter with that transaction
	 */
	public SubscriptionFilter withTransaction(String code) {
		return new SubscriptionFilter(this.producerAccountId, this.productId, this.planNames, this.planId,
				this.startedFrom, this.startedTo, this.statuses, this.subscriberCode, this.subscriberEmail, code,
				this.trial, this.cancelledFrom, this.cancelledTo, this.nextChargeFrom, this.nextChargeTo, this.search);
	}

}
