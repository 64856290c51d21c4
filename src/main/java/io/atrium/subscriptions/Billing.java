package io.atrium.subscriptions;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.atrium.catalog.Catalog;
import io.atrium.catalog.OfferForSale;
import io.atrium.catalog.PaymentMode;
import io.atrium.checkout.Buyer;
import io.atrium.checkout.CardDetails;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.RecurringCharges;
import io.atrium.checkout.RecurringCharges.Outcome;
import io.atrium.checkout.RecurringCharges.RecurringCharge;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads, saves and charges subscriptions, publishing what changed. Charging runs in three
 * steps, like a checkout: a transaction reads the subscription (applying a downgrade
 * scheduled for this renewal), the charge goes through {@link RecurringCharges} outside
 * any transaction (one purchase per recurrence, so never twice), and a second transaction
 * records the outcome on the subscription, which ignores an outcome it already recorded.
 * Every method manages its own transactions: call it outside one.
 */
@Component
class Billing {

	private final SubscriptionRows rows;

	private final NegotiationRows negotiations;

	private final RecurringCharges charges;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Billing(SubscriptionRows rows, RecurringCharges charges, Catalog catalog, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Clock clock, NegotiationRows negotiations) {
		this.negotiations = negotiations;
		this.rows = rows;
		this.charges = charges;
		this.catalog = catalog;
		this.events = events;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/** How long a negotiation's PIX or billet may still be paid (a billet's validity). */
	static final java.time.Duration NEGOTIATION_PAYABLE = java.time.Duration.ofDays(3);

	DunningSchedule dunning(long producerAccountId) {
		return this.rows.settings(producerAccountId).orElse(DunningSchedule.DEFAULT);
	}

	/**
	 * Runs a change on the locked subscription and saves it, in one transaction.
	 * @return the subscription after it
	 */
	Subscription change(long subscriptionId, Change change) {
		return this.transaction.execute((status) -> {
			Subscription s = this.rows.lock(subscriptionId).orElseThrow();
			DunningSchedule dunning = dunning(s.producerAccountId());
			Instant now = this.clock.instant();
			change.apply(s, dunning, now);
			save(s, dunning, now);
			return s;
		});
	}

	/**
	 * Saves a changed subscription and, when what gives access changed, publishes its
	 * access. Call inside a transaction. A renewal of an active subscription publishes
	 * nothing to the members area: its right is the same, and each publication is stored,
	 * handled in a transaction of its own and completed (docs/performance.md, W4).
	 */
	void save(Subscription s, DunningSchedule dunning, Instant now) {
		if (s.changes().isEmpty()) {
			return;
		}
		this.rows.save(s, now);
		if (s.accessChanged()) {
			publishAccess(s, dunning, now);
		}
	}

	void publishAccess(Subscription s, DunningSchedule dunning, Instant now) {
		s.accessTold();
		this.events.publishEvent(new SubscriptionAccessChanged(s.id(), s.code(), s.productId(), s.producerAccountId(),
				s.subscriber().accountId(), s.subscriber().email(), s.firstPurchaseId(), s.status(),
				s.givesAccess(now, dunning), s.status().cancelled() ? s.accessUntil() : null,
				(s.status() == SubscriptionStatus.DELAYED || s.status() == SubscriptionStatus.OVERDUE)
						? s.overdueSince() : null,
				now, s.version()));
	}

	void publish(Object event) {
		this.events.publishEvent(event);
	}

	/**
	 * Charges the subscription's next unpaid recurrence (or its next one) and records the
	 * outcome, when one is still to pay: for the system, a charge or retry due now; for
	 * the buyer, an unpaid recurrence. Checked on the locked subscription, so a caller
	 * that read it before another paid charges nothing (a double click, a second
	 * instance) instead of the next period ahead of time.
	 * @param subscriptionId the subscription
	 * @param card a card the buyer just typed (charged and kept), or null for the stored
	 * card
	 * @param actor who asks (the system for renewals, the buyer paying)
	 * @return the outcome (null when nothing was to pay), and the subscription after it
	 */
	Charged chargeNext(long subscriptionId, CardDetails card, Actor actor) {
		Prepared prepared = this.transaction.execute((status) -> {
			Subscription s = this.rows.lock(subscriptionId).orElseThrow();
			DunningSchedule dunning = dunning(s.producerAccountId());
			return prepare(s, card, actor, dunning, this.clock.instant());
		});
		if (prepared == null) {
			return new Charged(null, this.rows.find(subscriptionId).orElseThrow());
		}
		return charge(subscriptionId, prepared, card, actor, null);
	}

	/**
	 * For the renewal run, in one transaction: the step due now on the locked
	 * subscription and, when it is a charge still to pay, the charge prepared.
	 * @param subscriptionId the subscription
	 * @return the step, with the charge to make when it is
	 * {@link Subscription.Step#CHARGE} (null when there is nothing to charge now: an open
	 * negotiation)
	 */
	Due due(long subscriptionId) {
		return this.transaction.execute((status) -> {
			Subscription s = this.rows.lock(subscriptionId).orElseThrow();
			DunningSchedule dunning = dunning(s.producerAccountId());
			Instant now = this.clock.instant();
			Subscription.Step step = s.due(now, dunning);
			return new Due(step,
					(step == Subscription.Step.CHARGE) ? prepare(s, null, Actor.SYSTEM, dunning, now) : null);
		});
	}

	/**
	 * Whether the locked subscription has a charge to pay now, and if so the charge,
	 * after applying a downgrade scheduled for this renewal. Call inside a transaction.
	 */
	private Prepared prepare(Subscription s, CardDetails card, Actor actor, DunningSchedule dunning, Instant now) {
		boolean toPay = (actor == Actor.SYSTEM) ? s.due(now, dunning) == Subscription.Step.CHARGE && !negotiated(s, now)
				: s.unpaidCount() > 0 && s.status().billable();
		if (!toPay) {
			return null;
		}
		if (s.pendingOfferId() != null && s.unpaidCount() == 0) {
			plan(s, s.pendingOfferId()).ifPresent((p) -> s.applyScheduledPlan(p, now, dunning));
			save(s, dunning, now);
		}
		int recurrence = s.currentRecurrence() + 1;
		return new Prepared(recurrence, request(s, recurrence, null, card));
	}

	/**
	 * Makes a prepared charge (outside any transaction) and records its outcome on the
	 * locked subscription.
	 * @param then run on the subscription in the transaction that recorded the outcome,
	 * after it was saved (the renewal run ends its lease there); may be null
	 */
	Charged charge(long subscriptionId, Prepared prepared, CardDetails card, Actor actor, Change then) {
		Outcome outcome = this.charges.charge(prepared.request());
		Subscription after = this.transaction.execute((status) -> {
			Subscription s = this.rows.lock(subscriptionId).orElseThrow();
			DunningSchedule dunning = dunning(s.producerAccountId());
			Instant now = this.clock.instant();
			record(s, prepared.recurrence(), outcome, card, actor, dunning, now);
			if (then != null) {
				then.apply(s, dunning, now);
			}
			return s;
		});
		return new Charged(outcome, after);
	}

	/**
	 * Whether the recurrence a retry would charge is in an unpaid PIX or billet
	 * negotiation still payable: the card is not retried meanwhile, so the buyer never
	 * pays it twice.
	 */
	private boolean negotiated(Subscription s, Instant now) {
		int recurrence = s.currentRecurrence() + 1;
		return s.unpaidCount() > 0 && this.negotiations.unpaidOf(s.id())
			.stream()
			.anyMatch((n) -> n.recurrences().contains(recurrence)
					&& n.createdAt().plus(NEGOTIATION_PAYABLE).isAfter(now));
	}

	/**
	 * Charges a reactivation's recurrence and reactivates when paid.
	 */
	Charged chargeReactivation(long subscriptionId, Actor actor, Long actorAccountId) {
		RecurringCharge request = this.transaction.execute((status) -> {
			Subscription s = this.rows.lock(subscriptionId).orElseThrow();
			s.checkReactivatable();
			return request(s, s.currentRecurrence() + s.unpaidCount() + 1, null, null);
		});
		Outcome outcome = this.charges.charge(request);
		Subscription after = change(subscriptionId, (s, dunning, now) -> {
			if (outcome.paid() && s.status() != SubscriptionStatus.ACTIVE) {
				s.reactivate(request.recurrenceNumber(), outcome.purchase().transaction(), actor, actorAccountId, now,
						dunning);
				chargedEvent(s, request.recurrenceNumber(), outcome.purchase(), now);
				publish(new SubscriptionEvents.Reactivated(SubscriptionRef.of(s), actor, true, s.nextChargeAt(), now));
			}
		});
		return new Charged(outcome, after);
	}

	/**
	 * Charges an upgrade's prorated difference (a purchase outside the recurrences).
	 */
	Outcome chargeDifference(Subscription s, Plan to, io.atrium.shared.Money amount, String key) {
		RecurringCharge base = request(s, null, key, null);
		return this.charges.charge(new RecurringCharge(base.subscriptionId(), null, key, to.offerId(), to.offerCode(),
				base.productId(), base.productName(), base.producerAccountId(), to.clubGroupId(), amount, base.buyer(),
				base.paymentToken(), null, to.warrantyDays()));
	}

	private void record(Subscription s, int recurrence, Outcome outcome, CardDetails card, Actor actor,
			DunningSchedule dunning, Instant now) {
		if (!outcome.known()) {
			return;
		}
		Purchase purchase = outcome.purchase();
		if (outcome.paid()) {
			if (card != null && purchase.paymentToken() != null) {
				s.updateCard(new PaymentCard(purchase.paymentToken(), purchase.payment().cardBrand(),
						purchase.payment().cardLast4()), now, dunning);
			}
			if (recurrence > s.currentRecurrence() && s.status().billable()) {
				s.paid(recurrence, purchase.transaction(), actor, now, dunning);
				chargedEvent(s, recurrence, purchase, now);
			}
			else if (s.paidAfterCancellation(recurrence, purchase.transaction(), now, dunning)) {
				// cancelled while this charge was under way: the buyer gets the period
				// paid
				chargedEvent(s, recurrence, purchase, now);
			}
		}
		else if (s.status().cancelled()) {
			// refused while the cancellation committed: dropped like the other unpaid
			// ones
			this.charges.dropUnpaid(s.id());
		}
		else if (outcome.attempt() > s.failedAttempts() && s.status().billable()
				&& recurrence == s.currentRecurrence() + 1) {
			boolean wasOverdue = s.status() == SubscriptionStatus.OVERDUE;
			s.declined(outcome.declineReason(), now, dunning);
			Instant retry = s.cardNeedsUpdate() ? null : dunning.nextRetry(s.overdueSince(), s.failedAttempts());
			publish(new SubscriptionEvents.ChargeFailed(SubscriptionRef.of(s), recurrence, purchase.transaction(),
					purchase.terms().price(), outcome.declineReason(), retry,
					wasOverdue ? null : dunning.windowEnd(s.overdueSince()), now));
		}
		save(s, dunning, now);
	}

	private void chargedEvent(Subscription s, Integer recurrence, Purchase purchase, Instant now) {
		publish(new SubscriptionEvents.Charged(SubscriptionRef.of(s), recurrence, purchase.transaction(),
				purchase.terms().price(), purchase.payment().cardBrand(), purchase.payment().cardLast4(),
				s.status().cancelled() ? null : s.nextChargeAt(), now));
	}

	RecurringCharge request(Subscription s, Integer recurrence, String key, CardDetails card) {
		Plan p = s.plan();
		Subscriber b = s.subscriber();
		return new RecurringCharge(s.id(), recurrence, key, p.offerId(), p.offerCode(), s.productId(), s.productName(),
				s.producerAccountId(), p.clubGroupId(), p.price(),
				new Buyer(b.name(), b.email(), b.document(), b.locale()), (s.card() != null) ? s.card().token() : null,
				card, p.warrantyDays());
	}

	/**
	 * @return every plan (recurring offer) of the subscription's product
	 */
	java.util.List<Plan> plans(Subscription s) {
		return this.catalog.offersOf(s.productId())
			.stream()
			.filter((o) -> o.paymentMode() == PaymentMode.RECURRING && o.plan() != null)
			.map(Billing::plan)
			.toList();
	}

	/**
	 * @return the plan of an offer of the subscription's product, when it is a plan
	 */
	Optional<Plan> plan(Subscription s, long offerId) {
		return this.catalog.offersOf(s.productId())
			.stream()
			.filter((o) -> o.offerId() == offerId)
			.filter((o) -> o.paymentMode() == PaymentMode.RECURRING && o.plan() != null)
			.findFirst()
			.map(Billing::plan);
	}

	/**
	 * @param offer a recurring offer
	 * @return its plan as a subscription keeps it
	 */
	static Plan plan(OfferForSale offer) {
		return new Plan(offer.offerId(), offer.code(), offer.name(), offer.plan().period(), offer.plan().maxCharges(),
				offer.plan().trialDays(), offer.price(), offer.clubGroupId(), offer.product().warrantyDays());
	}

	/** A change made on a locked subscription. */
	@FunctionalInterface
	interface Change {

		void apply(Subscription s, DunningSchedule dunning, Instant now);

	}

	record Prepared(int recurrence, RecurringCharge request) {
	}

	/**
	 * The step due on a subscription, and the charge to make when it is a charge.
	 *
	 * @param step the step
	 * @param charge the charge prepared, null when nothing is to charge now
	 */
	record Due(Subscription.Step step, Prepared charge) {
	}

	/**
	 * What a charge did.
	 *
	 * @param outcome the charge's outcome, null when nothing was charged
	 * @param subscription the subscription after it
	 */
	record Charged(Outcome outcome, Subscription subscription) {
	}

}
