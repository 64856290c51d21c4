package io.atrium.club.groups;

import java.time.Clock;

import io.atrium.club.internal.SubscriptionRightRows;
import io.atrium.subscriptions.SubscriptionAccessChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Keeps one access right per subscription, as {@link SubscriptionAccessChanged} says. The
 * access decision of a student's enrolment considers every right of its product and
 * account (see {@code AccessPolicy}); the enrolment itself, its group and its start (the
 * drip clock) are never changed here, so a reactivated subscription finds its drip dates
 * as they were.
 */
@Service
class SubscriptionRights {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionRights.class);

	private final SubscriptionRightRows rows;

	private final Clock clock;

	SubscriptionRights(SubscriptionRightRows rows, Clock clock) {
		this.rows = rows;
		this.clock = clock;
	}

	/**
	 * Records the subscription's access, unless a change with the same or a higher
	 * version was already recorded (a retry or a late delivery). Runs in the listener's
	 * transaction after the subscription's change committed; running it again changes
	 * nothing.
	 */
	void record(SubscriptionAccessChanged event) {
		boolean changed = this.rows.record(
				new SubscriptionRightRows.Change(event.subscriptionId(), event.productId(), event.producerAccountId(),
						event.buyerAccountId(), event.subscriberCode(), event.status(), event.access(),
						event.accessUntil(), event.overdueSince(), event.changedAt(), event.version()),
				this.clock.instant());
		if (changed) {
			log.info("Subscription {} of product {}: {} (access {}, version {})", event.subscriptionId(),
					event.productId(), event.status(), event.access(), event.version());
		}
		else {
			log.debug("Subscription {} version {} already applied or older; ignored", event.subscriptionId(),
					event.version());
		}
	}

}
