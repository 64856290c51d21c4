package io.atrium.subscriptions.web;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import io.atrium.subscriptions.Subscription;
import io.atrium.subscriptions.SubscriptionStatus;

/**
 * What the producer's list asks for, read from {@link SubscriptionListForm}: each range
 * from an instant (inclusive) to an instant (exclusive); null means no limit.
 *
 * @param productId a product, or null
 * @param planId a plan (its offer id), or null
 * @param statuses the statuses wanted, empty for any
 * @param trial whether in a free trial, or null for either
 * @param accessionFrom subscribed from
 * @param accessionUntil subscribed before
 * @param nextChargeFrom next charge (last access for an ended one) from
 * @param nextChargeUntil next charge before
 * @param cancelledFrom cancelled from
 * @param cancelledUntil cancelled before
 * @param text part of the subscriber's name or e-mail, or their subscriber code, or null
 */
record SubscriptionQuery(Long productId, Long planId, Set<SubscriptionStatus> statuses, Boolean trial,
		Instant accessionFrom, Instant accessionUntil, Instant nextChargeFrom, Instant nextChargeUntil,
		Instant cancelledFrom, Instant cancelledUntil, String text) {

	/**
	 * @param s a subscription of the producer
	 * @return whether it passes every filter
	 */
	boolean matches(Subscription s) {
		if (this.productId != null && s.productId() != this.productId) {
			return false;
		}
		if (this.planId != null && s.plan().offerId() != this.planId) {
			return false;
		}
		if (!this.statuses.isEmpty() && !this.statuses.contains(s.status())) {
			return false;
		}
		if (this.trial != null && s.inTrial() != this.trial) {
			return false;
		}
		return within(s.startedAt(), this.accessionFrom, this.accessionUntil)
				&& within(s.dateNextCharge(), this.nextChargeFrom, this.nextChargeUntil)
				&& within(s.cancelledAt(), this.cancelledFrom, this.cancelledUntil) && matchesText(s);
	}

	private boolean matchesText(Subscription s) {
		if (this.text == null) {
			return true;
		}
		String wanted = this.text.toLowerCase(Locale.ROOT);
		return s.code().equalsIgnoreCase(this.text)
				|| (s.subscriber().name() != null && s.subscriber().name().toLowerCase(Locale.ROOT).contains(wanted))
				|| s.subscriber().email().toLowerCase(Locale.ROOT).contains(wanted);
	}

	private static boolean within(Instant value, Instant from, Instant until) {
		if (from == null && until == null) {
			return true;
		}
		return value != null && (from == null || !value.isBefore(from)) && (until == null || value.isBefore(until));
	}

}
