package io.atrium.subscriptions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.atrium.checkout.CardDetails;
import io.atrium.checkout.Charge;
import io.atrium.checkout.ChargeStatus;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.RecurringCharges;
import io.atrium.checkout.RecurringCharges.Outcome;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What producers, buyers, admins and the API do with subscriptions: find them, cancel,
 * reactivate, change the due day, switch plan, pay what is overdue, change the card. Each
 * request names who asks ({@link Requester}): a producer sees only their subscriptions, a
 * buyer only their own, an admin any; anything else is
 * {@link SubscriptionRefused.Reason#NOT_FOUND}. Methods that charge call the gateway
 * outside any transaction (see {@link Billing}); every method manages its own
 * transactions.
 */
@Service
public class Subscriptions {

	/** How long a reactivation offer stays open. */
	public static final Duration REACTIVATION_VALIDITY = Duration.ofDays(3);

	private final SubscriptionRows rows;

	private final Billing billing;

	private final RecurringCharges charges;

	private final TransactionTemplate writing;

	private final Clock clock;

	Subscriptions(SubscriptionRows rows, Billing billing, RecurringCharges charges,
			PlatformTransactionManager transactions, Clock clock) {
		this.rows = rows;
		this.billing = billing;
		this.charges = charges;
		this.writing = new TransactionTemplate(transactions);
		this.writing.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * @param requester who asks
	 * @param subscriberCode a subscriber code (case-insensitive)
	 * @return the subscription, when the requester may see it
	 */
	public Optional<Subscription> find(Requester requester, String subscriberCode) {
		if (subscriberCode == null || !subscriberCode.strip().matches("[A-Za-z0-9]{1,20}")) {
			return Optional.empty();
		}
		return this.rows.byCode(subscriberCode.strip().toUpperCase(java.util.Locale.ROOT)).filter(requester::maySee);
	}

	/**
	 * @param requester who asks
	 * @param subscriberCode a subscriber code
	 * @return the subscription
	 * @throws SubscriptionRefused NOT_FOUND when there is none the requester may see
	 */
	public Subscription get(Requester requester, String subscriberCode) {
		return find(requester, subscriberCode)
			.orElseThrow(() -> new SubscriptionRefused(SubscriptionRefused.Reason.NOT_FOUND,
					"No subscription with subscriber code " + subscriberCode + "."));
	}

	/**
	 * @param buyerAccountId a buyer
	 * @return their subscriptions, newest first
	 */
	public List<Subscription> ofBuyer(long buyerAccountId) {
		return this.rows.ofBuyer(buyerAccountId);
	}

	/**
	 * @param producerAccountId a producer
	 * @return every subscription of the producer, newest first (for pages and metrics)
	 */
	public List<Subscription> ofProducer(long producerAccountId) {
		return this.rows.ofProducer(producerAccountId);
	}

	/**
	 * @param subscription a subscription
	 * @return its recorded changes, oldest first
	 */
	public List<SubscriptionChange> history(Subscription subscription) {
		return this.rows.history(subscription.id());
	}

	/**
	 * @param producerAccountId a producer
	 * @return the recorded changes of each of the producer's subscriptions, by
	 * subscription id, oldest first (for the producer's metrics; one query)
	 */
	public java.util.Map<Long, List<SubscriptionChange>> historiesOfProducer(long producerAccountId) {
		return this.rows.historyOfProducer(producerAccountId);
	}

	/**
	 * @param subscription a subscription
	 * @return its charges (purchases), oldest first: the first purchase, the renewals,
	 * the unpaid and dropped recurrences, plan upgrades' differences
	 */
	public List<Purchase> charges(Subscription subscription) {
		return this.charges.ofSubscription(subscription.id());
	}

	/**
	 * @param producerAccountId a producer
	 * @return their dunning settings (the default when never set)
	 */
	public DunningSchedule dunning(long producerAccountId) {
		return this.billing.dunning(producerAccountId);
	}

	/**
	 * Saves a producer's dunning settings; DELAYED subscriptions follow them at once
	 * (their retries, and their access when the grace setting changed).
	 * @param producerAccountId the producer
	 * @param schedule the settings
	 */
	public void saveDunning(long producerAccountId, DunningSchedule schedule) {
		this.writing.executeWithoutResult(
				(status) -> this.rows.saveSettings(producerAccountId, schedule, this.clock.instant()));
		for (Subscription delayed : this.rows.ofProducer(producerAccountId)) {
			if (delayed.status() != SubscriptionStatus.DELAYED) {
				continue;
			}
			this.billing.change(delayed.id(), (s, dunning, now) -> {
				if (s.status() == SubscriptionStatus.DELAYED) {
					s.reschedule(dunning);
					this.rows.save(s, now);
					this.billing.publishAccess(s, dunning, now);
				}
			});
		}
	}

	/**
	 * Cancels: no more charges, access to the end of the paid period.
	 * @param requester who cancels (buyer, producer or admin)
	 * @param subscriberCode the subscription
	 * @param sendMail whether the subscriber gets the cancellation e-mail
	 * @return the subscription after it
	 * @throws SubscriptionRefused NOT_FOUND, or ALREADY_CANCELLED for a cancelled or
	 * inactive one
	 */
	public Subscription cancel(Requester requester, String subscriberCode, boolean sendMail) {
		Subscription found = get(requester, subscriberCode);
		Subscription after = this.billing.change(found.id(), (s, dunning, now) -> {
			s.cancel(requester.actor(), requester.accountId(), now, dunning);
			this.billing.publish(new SubscriptionEvents.Cancelled(SubscriptionRef.of(s), s.status(), requester.actor(),
					sendMail, s.accessUntil(), now));
		});
		return after;
	}

	/**
	 * A producer's or admin's reactivation: the subscriber is e-mailed a link, valid 3
	 * days, to accept; the status stays as it is until then.
	 * @param requester the producer or admin
	 * @param subscriberCode the subscription
	 * @param charge whether accepting charges a recurrence at once
	 * @return the subscription after it
	 * @throws SubscriptionRefused NOT_FOUND, or ALREADY_ACTIVE for an active or delayed
	 * one
	 */
	public Subscription offerReactivation(Requester requester, String subscriberCode, boolean charge) {
		Subscription found = get(requester, subscriberCode);
		return this.billing.change(found.id(), (s, dunning, now) -> {
			s.offerReactivation(charge, requester.actor(), requester.accountId(), now, dunning);
			this.billing.publish(new SubscriptionEvents.ReactivationOffered(SubscriptionRef.of(s), charge,
					now.plus(REACTIVATION_VALIDITY), now));
		});
	}

	/**
	 * The subscriber reactivates (on My subscriptions, or accepting an e-mailed offer).
	 * Before the paid period ends, the cancellation is simply undone; after it (or when
	 * the producer's offer asked for a charge) a recurrence is charged on the stored card
	 * first. Overdue subscriptions are paid with {@link #payOverdue}.
	 * @param requester the subscriber
	 * @param subscriberCode the subscription
	 * @return the subscription after it
	 * @throws SubscriptionRefused NOT_FOUND, ALREADY_ACTIVE, or CARD_DECLINED (nothing
	 * changed)
	 */
	public Subscription reactivate(Requester requester, String subscriberCode) {
		Subscription found = get(requester, subscriberCode);
		found.checkReactivatable();
		Instant now = this.clock.instant();
		if (found.status() == SubscriptionStatus.OVERDUE) {
			return payOverdue(requester, subscriberCode, null);
		}
		boolean offered = found.reactivationOffered(now);
		boolean withinPaidPeriod = found.accessUntil() != null && now.isBefore(found.accessUntil());
		boolean charge = offered ? Boolean.TRUE.equals(found.reactivationCharge()) : !withinPaidPeriod;
		if (requester.actor() != Actor.BUYER && !offered) {
			throw new SubscriptionRefused(SubscriptionRefused.Reason.NO_REACTIVATION_OFFER,
					"Only the subscriber reactivates; offer it with a reactivation instead.");
		}
		if (!charge) {
			return this.billing.change(found.id(), (s, dunning, at) -> {
				s.reactivate(null, null, requester.actor(), requester.accountId(), at, dunning);
				this.billing.publish(new SubscriptionEvents.Reactivated(SubscriptionRef.of(s), requester.actor(), false,
						s.nextChargeAt(), at));
			});
		}
		Billing.Charged charged = this.billing.chargeReactivation(found.id(), requester.actor(), requester.accountId());
		refuseUnpaid(charged.outcome());
		return charged.subscription();
	}

	/**
	 * Pays the unpaid recurrences, oldest first, on the stored card or a card just typed
	 * (which is kept for the next charges); stops at the first refusal. Paying the last
	 * one makes the subscription ACTIVE again at once.
	 * @param requester the subscriber
	 * @param subscriberCode the subscription
	 * @param card a new card, or null for the stored one
	 * @return the subscription after it
	 * @throws SubscriptionRefused NOT_FOUND, NOT_ACTIVE when nothing is unpaid,
	 * CARD_DECLINED when a charge was refused
	 */
	public Subscription payOverdue(Requester requester, String subscriberCode, CardDetails card) {
		Subscription s = get(requester, subscriberCode);
		if (s.unpaidCount() == 0 || !s.status().billable()) {
			throw new SubscriptionRefused(SubscriptionRefused.Reason.NOT_ACTIVE,
					"Subscription " + s.code() + " is " + s.status() + " with nothing unpaid.");
		}
		CardDetails next = card;
		while (s.unpaidCount() > 0 && s.status().billable()) {
			Billing.Charged charged = this.billing.chargeNext(s.id(), next, requester.actor());
			if (charged.outcome() != null) {
				refuseUnpaid(charged.outcome());
			}
			s = charged.subscription();
			next = null;
		}
		return s;
	}

	/**
	 * Keeps another card for the next charges (verified by the gateway, nothing charged);
	 * when a charge is unpaid it is paid with the new card at once.
	 * @param requester the subscriber
	 * @param subscriberCode the subscription
	 * @param card the new card
	 * @return the subscription after it
	 * @throws SubscriptionRefused NOT_FOUND, NOT_ACTIVE for an ended subscription,
	 * CARD_DECLINED when the card is refused
	 */
	public Subscription updateCard(Requester requester, String subscriberCode, CardDetails card) {
		Subscription s = get(requester, subscriberCode);
		if (!s.status().billable()) {
			throw new SubscriptionRefused(SubscriptionRefused.Reason.NOT_ACTIVE,
					"Subscription " + s.code() + " is " + s.status() + "; it has no card to change.");
		}
		if (s.unpaidCount() > 0) {
			return payOverdue(requester, subscriberCode, card);
		}
		Charge stored = this.charges.storeCard("sub:" + s.id() + ":card:" + UUID.randomUUID(), card,
				this.billing.request(s, null, null, null).buyer(), s.productName(),
				s.plan().price().currency().getCurrencyCode());
		if (stored.status() != ChargeStatus.APPROVED || stored.paymentToken() == null) {
			throw new SubscriptionRefused(SubscriptionRefused.Reason.CARD_DECLINED,
					"The card was refused: " + stored.declineReason() + ".", stored.declineReason());
		}
		PaymentCard kept = new PaymentCard(stored.paymentToken(), stored.cardBrand(), stored.cardLast4());
		return this.billing.change(s.id(), (sub, dunning, now) -> sub.updateCard(kept, now, dunning));
	}

	/**
	 * Asks for another due day, from the charge after the next one.
	 * @param requester who (producer, admin or subscriber)
	 * @param subscriberCode the subscription
	 * @param dueDay 1 to 31 (1 to 7 for weekly plans)
	 * @return the subscription after it
	 * @throws SubscriptionRefused NOT_FOUND, INVALID_DUE_DAY, NOT_ACTIVE, IN_TRIAL
	 */
	public Subscription changeDueDay(Requester requester, String subscriberCode, int dueDay) {
		Subscription found = get(requester, subscriberCode);
		int old = found.dueDay();
		return this.billing.change(found.id(), (s, dunning, now) -> {
			s.changeDueDay(dueDay, requester.actor(), requester.accountId(), now, dunning);
			this.billing.publish(new SubscriptionEvents.ChargeDateChanged(SubscriptionRef.of(s), old, dueDay,
					s.nextChargeAt(), requester.actor(), now));
		});
	}

	/**
	 * @param requester who asks
	 * @param subscriberCode the subscription
	 * @return the other plans of the subscription's product it may switch to, with what
	 * each switch would cost now
	 */
	public List<SwitchOption> switchOptions(Requester requester, String subscriberCode) {
		Subscription s = get(requester, subscriberCode);
		Instant now = this.clock.instant();
		return this.billing.plans(s)
			.stream()
			.filter((p) -> p.offerId() != s.plan().offerId())
			.filter((p) -> p.price().currency().equals(s.plan().price().currency()))
			.map((p) -> new SwitchOption(p, quote(s, p, now)))
			.toList();
	}

	/**
	 * @param requester who asks
	 * @param subscriberCode the subscription
	 * @param offerCode another plan of the same product
	 * @return what switching would cost and when it would apply
	 * @throws SubscriptionRefused NOT_FOUND, INVALID_PLAN, NOT_ACTIVE
	 */
	public SwitchOption previewSwitch(Requester requester, String subscriberCode, String offerCode) {
		Subscription s = get(requester, subscriberCode);
		Plan to = target(s, offerCode);
		return new SwitchOption(to, quote(s, to, this.clock.instant()));
	}

	/**
	 * Switches plan: an upgrade now, charging the prorated difference on the stored card
	 * first; a downgrade at the next renewal.
	 * @param requester who (producer, admin or subscriber)
	 * @param subscriberCode the subscription
	 * @param offerCode another plan of the same product
	 * @return the subscription after it
	 * @throws SubscriptionRefused NOT_FOUND, INVALID_PLAN, NOT_ACTIVE, CARD_DECLINED
	 */
	public Subscription switchPlan(Requester requester, String subscriberCode, String offerCode) {
		Subscription s = get(requester, subscriberCode);
		Plan to = target(s, offerCode);
		PlanSwitchQuote quote = quote(s, to, this.clock.instant());
		Purchase difference = null;
		if (quote.chargeNow().amountMinor() > 0) {
			Outcome outcome = this.billing.chargeDifference(s, to, quote.chargeNow(),
					"switch-" + s.version() + "-" + to.offerId());
			refuseUnpaid(outcome);
			difference = outcome.purchase();
		}
		Purchase paid = difference;
		String from = s.plan().offerCode();
		return this.billing.change(s.id(), (sub, dunning, now) -> {
			if (sub.plan().offerId() == to.offerId() || Long.valueOf(to.offerId()).equals(sub.pendingOfferId())) {
				// a second click that read the subscription before the first switched it
				return;
			}
			PlanSwitchQuote again = (sub.version() == s.version()) ? quote : quote(sub, to, now);
			sub.switchPlan(to, again, requester.actor(), requester.accountId(), now, dunning);
			this.billing.publish(new SubscriptionEvents.PlanSwitched(SubscriptionRef.of(sub), from, to.offerCode(),
					again.kind(), again.chargeNow(), again.effectiveAt(), requester.actor(), now));
			if (paid != null) {
				// the receipt of the difference (a charge outside the recurrences)
				this.billing.publish(new SubscriptionEvents.Charged(SubscriptionRef.of(sub), null, paid.transaction(),
						paid.terms().price(), paid.payment().cardBrand(), paid.payment().cardLast4(),
						sub.nextChargeAt(), now));
			}
		});
	}

	private Plan target(Subscription s, String offerCode) {
		if (s.status() != SubscriptionStatus.ACTIVE) {
			throw new SubscriptionRefused(SubscriptionRefused.Reason.NOT_ACTIVE,
					"Subscription " + s.code() + " is " + s.status() + "; only active subscriptions switch plan.");
		}
		return this.billing.plans(s)
			.stream()
			.filter((p) -> p.offerCode().equalsIgnoreCase((offerCode != null) ? offerCode.strip() : ""))
			.filter((p) -> p.offerId() != s.plan().offerId())
			.filter((p) -> p.price().currency().equals(s.plan().price().currency()))
			.findFirst()
			.orElseThrow(() -> new SubscriptionRefused(SubscriptionRefused.Reason.INVALID_PLAN, "Offer " + offerCode
					+ " is not another plan of " + s.productName() + " in " + s.plan().price().currency() + "."));
	}

	private PlanSwitchQuote quote(Subscription s, Plan to, Instant now) {
		Instant end = s.nextChargeAt();
		return PlanSwitchQuote.of(s.plan().price(), s.plan().period(), to.price(), to.period(), s.periodStart(),
				(end != null) ? end : now, now, s.inTrial());
	}

	private static void refuseUnpaid(Outcome outcome) {
		if (!outcome.known()) {
			throw new SubscriptionRefused(SubscriptionRefused.Reason.GATEWAY_UNAVAILABLE,
					"The payment processor did not answer; nothing changed yet. Try again in a minute.");
		}
		if (!outcome.paid()) {
			throw new SubscriptionRefused(SubscriptionRefused.Reason.CARD_DECLINED,
					"The card was refused: " + outcome.declineReason() + ".", outcome.declineReason());
		}
	}

	/**
	 * A plan one may switch to, with the quote.
	 *
	 * @param plan the plan
	 * @param quote what switching costs now and when it applies
	 */
	public record SwitchOption(Plan plan, PlanSwitchQuote quote) {
	}

}
