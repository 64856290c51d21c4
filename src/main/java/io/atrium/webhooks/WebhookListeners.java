package io.atrium.webhooks;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

import io.atrium.catalog.Catalog;
import io.atrium.catalog.PaymentMode;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.checkout.PurchaseStatusChanged;
import io.atrium.checkout.Purchases;
import io.atrium.club.ClubFirstAccess;
import io.atrium.club.ClubModuleCompleted;
import io.atrium.subscriptions.Requester;
import io.atrium.subscriptions.Subscription;
import io.atrium.subscriptions.SubscriptionEvents;
import io.atrium.subscriptions.SubscriptionRef;
import io.atrium.subscriptions.Subscriptions;
import io.atrium.webhooks.payload.ClubData;
import io.atrium.webhooks.payload.SubscriptionData;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns what other modules publish into deliveries. Each listener runs after the
 * publishing transaction committed, in its own transaction, and is retried through the
 * event publication registry until it succeeds; the deliveries it writes are keyed on an
 * event id derived from the event, so a repeated run writes nothing new.
 * <p>
 * A plan's first purchase is announced when its subscription starts (not when it is
 * approved), so that its {@code PURCHASE_APPROVED} carries the subscription's code.
 */
@Component
class WebhookListeners {

	private final WebhookOutbox outbox;

	private final Purchases purchases;

	private final Catalog catalog;

	private final Subscriptions subscriptions;

	private final PurchasePayloads purchasePayloads;

	private final SubscriptionPayloads subscriptionPayloads;

	WebhookListeners(WebhookOutbox outbox, Purchases purchases, Catalog catalog, Subscriptions subscriptions,
			PurchasePayloads purchasePayloads, SubscriptionPayloads subscriptionPayloads) {
		this.outbox = outbox;
		this.purchases = purchases;
		this.catalog = catalog;
		this.subscriptions = subscriptions;
		this.purchasePayloads = purchasePayloads;
		this.subscriptionPayloads = subscriptionPayloads;
	}

	// a status no webhook announces (a purchase just started) is not even registered
	@ApplicationModuleListener(
			condition = "T(io.atrium.webhooks.WebhookEvent).ofPurchaseStatus(#event.to()).isPresent()")
	void on(PurchaseStatusChanged event) {
		Optional<WebhookEvent> name = WebhookEvent.ofPurchaseStatus(event.to());
		// a recurrence retried while already unpaid is no new delay
		if (name.isEmpty() || (event.to() == PurchaseStatus.OVERDUE && event.from() == PurchaseStatus.OVERDUE)
				|| !this.outbox.wanted(event.producerAccountId(), name.get())) {
			return;
		}
		Purchase purchase = this.purchases.byTransaction(event.transaction()).orElse(null);
		if (purchase == null) {
			return;
		}
		if (event.to() == PurchaseStatus.APPROVED && purchase.subscriptionId() == null
				&& startsSubscription(purchase)) {
			return;
		}
		// an approval is known by its stored time, as Started knows it: a plan's
		// first purchase handled again after a restart (attached by then) is the
		// same event Started wrote, not a second one
		Instant at = (event.to() == PurchaseStatus.APPROVED && purchase.approvedAt() != null) ? purchase.approvedAt()
				: event.at();
		purchaseEvent(purchase, name.get(), event.to(), at);
	}

	@ApplicationModuleListener
	void on(SubscriptionEvents.Started event) {
		SubscriptionRef ref = event.subscription();
		if (!this.outbox.wanted(ref.producerAccountId(), WebhookEvent.PURCHASE_APPROVED)) {
			return;
		}
		subscription(ref).flatMap((s) -> this.purchases.byTransaction(s.firstTransaction()))
			.filter((p) -> p.approvedAt() != null)
			.ifPresent(
					(p) -> purchaseEvent(p, WebhookEvent.PURCHASE_APPROVED, PurchaseStatus.APPROVED, p.approvedAt()));
	}

	private void purchaseEvent(Purchase purchase, WebhookEvent name, PurchaseStatus status, Instant at) {
		this.outbox.record(purchase.terms().producerAccountId(), purchase.terms().productId(), name,
				EventIds.purchase(purchase.id(), name, at), at, purchase.transaction(), () -> this.purchasePayloads
					.build(purchase, status, this.purchasePayloads.subscriptionOf(purchase).orElse(null)));
	}

	private boolean startsSubscription(Purchase purchase) {
		return this.catalog.offerForSale(purchase.terms().offerCode())
			.filter((o) -> o.paymentMode() == PaymentMode.RECURRING && o.plan() != null)
			.isPresent();
	}

	@ApplicationModuleListener
	void on(SubscriptionEvents.Cancelled event) {
		subscriptionEvent(event.subscription(), WebhookEvent.SUBSCRIPTION_CANCELLATION, event.at(),
				(s) -> this.subscriptionPayloads.cancellation(s, event));
	}

	@ApplicationModuleListener
	void on(SubscriptionEvents.PlanSwitched event) {
		subscriptionEvent(event.subscription(), WebhookEvent.SWITCH_PLAN, event.at(),
				(s) -> this.subscriptionPayloads.switchPlan(s, event));
	}

	@ApplicationModuleListener
	void on(SubscriptionEvents.ChargeDateChanged event) {
		subscriptionEvent(event.subscription(), WebhookEvent.UPDATE_SUBSCRIPTION_CHARGE_DATE, event.at(),
				(s) -> this.subscriptionPayloads.chargeDate(s, event));
	}

	private void subscriptionEvent(SubscriptionRef ref, WebhookEvent name, Instant at,
			Function<Subscription, Object> data) {
		if (!this.outbox.wanted(ref.producerAccountId(), name)) {
			return;
		}
		subscription(ref).ifPresent((s) -> this.outbox.record(ref.producerAccountId(), ref.productId(), name,
				EventIds.subscription(ref.subscriptionId(), name, at), at, null, () -> data.apply(s)));
	}

	private Optional<Subscription> subscription(SubscriptionRef ref) {
		return this.subscriptions.find(Requester.producer(ref.producerAccountId()), ref.subscriberCode());
	}

	@ApplicationModuleListener
	void on(ClubFirstAccess event) {
		this.outbox.record(event.producerAccountId(), event.productId(), WebhookEvent.CLUB_FIRST_ACCESS,
				EventIds.firstAccess(event.enrollmentId()), event.at(), null,
				() -> new ClubData(product(event.productId()), new ClubData.Student(event.name(), event.email()),
						null));
	}

	@ApplicationModuleListener
	void on(ClubModuleCompleted event) {
		this.outbox.record(event.producerAccountId(), event.productId(), WebhookEvent.CLUB_MODULE_COMPLETED,
				EventIds.moduleCompleted(event.enrollmentId(), event.moduleId()), event.at(), null,
				() -> new ClubData(product(event.productId()), new ClubData.Student(event.name(), event.email()),
						new ClubData.Module(event.modulePublicId(), event.moduleName())));
	}

	private SubscriptionData.ProductIdName product(long productId) {
		return new SubscriptionData.ProductIdName(productId,
				this.catalog.product(productId).map((p) -> p.name()).orElse(""));
	}

}
