package io.atrium.subscriptions;

import io.atrium.checkout.RecurringCharges;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A cancelled subscription's unpaid recurrences are dropped (never charged again), after
 * the cancellation committed; running it again changes nothing.
 */
@Component
class SubscriptionCleanup {

	private final RecurringCharges charges;

	SubscriptionCleanup(RecurringCharges charges) {
		this.charges = charges;
	}

	@ApplicationModuleListener
	void on(SubscriptionEvents.Cancelled event) {
		this.charges.dropUnpaid(event.subscription().subscriptionId());
	}

}
