package io.atrium.club.groups;

import io.atrium.catalog.DeliveryKind;
import io.atrium.checkout.PurchaseApproved;
import io.atrium.checkout.PurchaseChargedBack;
import io.atrium.checkout.PurchaseRefunded;
import io.atrium.subscriptions.SubscriptionAccessChanged;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The members area's reactions to checkout and subscription events. Each runs after the
 * purchase's or refund's transaction committed, asynchronously, in its own transaction: a
 * failure here never rolls back a charged purchase; the event publication registry keeps
 * the publication and it is retried until it succeeds. So every reaction is idempotent: a
 * buyer already enrolled by this purchase is not enrolled again, and a purchase whose
 * access already ended (even before its enrolment ran) is not enrolled at all, and a
 * subscription change older than the one already recorded changes nothing. The events
 * carry what the reactions need; nothing here reads the checkout's or catalog's tables.
 */
@Component
class ClubListeners {

	private final Enrollments enrollments;

	private final SubscriptionRights subscriptions;

	ClubListeners(Enrollments enrollments, SubscriptionRights subscriptions) {
		this.enrollments = enrollments;
		this.subscriptions = subscriptions;
	}

	// the condition keeps the registry from storing a publication that would do nothing
	@ApplicationModuleListener(
			condition = "#event.subscriptionId() == null and #event.deliveryKind().name() == 'MEMBERS_AREA'")
	void on(PurchaseApproved event) {
		// a renewal or plan-switch charge neither enrols again nor moves the student's
		// group: the subscription's access follows SubscriptionAccessChanged
		if (event.subscriptionId() != null) {
			return;
		}
		if (event.deliveryKind() == DeliveryKind.MEMBERS_AREA) {
			this.enrollments.enrollBuyer(event.productId(), event.producerAccountId(), event.buyerAccountId(),
					event.buyerEmail(), event.clubGroupId(), event.purchaseId(), event.transaction(),
					event.approvedAt());
		}
	}

	@ApplicationModuleListener
	void on(PurchaseRefunded event) {
		this.enrollments.endPurchase(event.purchaseId(), event.producerAccountId(), PurchaseState.REFUNDED);
	}

	@ApplicationModuleListener
	void on(PurchaseChargedBack event) {
		this.enrollments.endPurchase(event.purchaseId(), event.producerAccountId(), PurchaseState.CHARGED_BACK);
	}

	@ApplicationModuleListener
	void on(SubscriptionAccessChanged event) {
		this.subscriptions.record(event);
	}

}
