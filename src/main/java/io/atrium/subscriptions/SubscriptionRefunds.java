package io.atrium.subscriptions;

import java.time.Instant;
import java.util.Optional;

import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseChargedBack;
import io.atrium.checkout.PurchaseRefunded;
import io.atrium.checkout.RecurringCharges;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A refunded or charged-back charge of a subscription (its first purchase or any renewal)
 * ends the subscription at once: no further charges, no access. Runs after the refund
 * committed; running it again changes nothing.
 */
@Component
class SubscriptionRefunds {

	private final SubscriptionRows rows;

	private final RecurringCharges charges;

	private final Billing billing;

	SubscriptionRefunds(SubscriptionRows rows, RecurringCharges charges, Billing billing) {
		this.rows = rows;
		this.charges = charges;
		this.billing = billing;
	}

	@ApplicationModuleListener
	void on(PurchaseRefunded event) {
		end(event.purchaseId(), "REFUNDED", event.transaction(), event.refundedAt());
	}

	@ApplicationModuleListener
	void on(PurchaseChargedBack event) {
		end(event.purchaseId(), "CHARGED_BACK", event.transaction(), event.chargedBackAt());
	}

	private void end(long purchaseId, String cause, String transaction, Instant at) {
		// the first purchase or a recurrence; a plan upgrade's difference (no recurrence)
		// refunded leaves the subscription as it is
		Optional<Long> subscriptionId = this.rows.byFirstPurchase(purchaseId)
			.map(Subscription::id)
			.or(() -> this.charges.purchase(purchaseId)
				.filter((p) -> p.recurrenceNumber() != null)
				.map(Purchase::subscriptionId));
		if (subscriptionId.isEmpty()) {
			return;
		}
		Subscription s = this.rows.lock(subscriptionId.get()).orElseThrow();
		DunningSchedule dunning = this.billing.dunning(s.producerAccountId());
		if (s.endForRefund(cause, transaction, at, dunning)) {
			this.billing.save(s, dunning, at);
			this.billing.publish(new SubscriptionEvents.Cancelled(SubscriptionRef.of(s), s.status(), Actor.SYSTEM, true,
					s.accessUntil(), at));
		}
	}

}
