package io.atrium.subscriptions;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.atrium.catalog.BillingPeriod;
import io.atrium.checkout.DeclineReason;

/**
 * A subscription: its plan, its billing dates and where it stands. Every move is guarded:
 * it checks the status, changes it, records the change ({@link #changes()}) and
 * reschedules the next look of the renewal task ({@link #nextAttemptAt()}); it throws
 * {@link SubscriptionRefused} naming the current status when the move is not allowed.
 * <p>
 * Recurrences are numbered from 1 (the first paid charge; 0 is a free trial's sign-up).
 * {@link #currentRecurrence()} is the last one paid; {@link #nextChargeDate()} is the due
 * date of the one after it, in the producer's zone, and due at the start of that day.
 * While a charge is unpaid the subscription is DELAYED (retries run) and then OVERDUE;
 * each further due date while OVERDUE adds an unpaid recurrence, and the fifth cancels
 * it.
 */
public final class Subscription {

	/** Consecutive unpaid recurrences that cancel a subscription. */
	public static final int MAX_UNPAID = 5;

	private static final Set<SubscriptionStatus> CANCELLABLE = EnumSet.of(SubscriptionStatus.STARTED,
			SubscriptionStatus.ACTIVE, SubscriptionStatus.DELAYED, SubscriptionStatus.OVERDUE);

	private final Long id;

	private final String code;

	private final long producerAccountId;

	private final long productId;

	private final String productName;

	private final Subscriber subscriber;

	private final long firstPurchaseId;

	private final String firstTransaction;

	private final ZoneId zone;

	private final Instant startedAt;

	private final Instant trialEndsAt;

	private Plan plan;

	private SubscriptionStatus status;

	private int dueDay;

	private Integer pendingDueDay;

	private int currentRecurrence;

	private LocalDate nextChargeDate;

	private LocalDate periodStartDate;

	private Instant lastChargedAt;

	private int unpaidCount;

	private Instant overdueSince;

	private int failedAttempts;

	private Instant lastFailedAt;

	private DeclineReason lastDecline;

	private boolean cardNeedsUpdate;

	private PaymentCard card;

	private Instant cancelledAt;

	private Instant accessUntil;

	private Long pendingOfferId;

	private Instant reactivationOfferedAt;

	private Boolean reactivationCharge;

	private Instant nextAttemptAt;

	private long version;

	private final List<SubscriptionChange> changes = new ArrayList<>();

	/** What the members area was last told of its access (as loaded or published). */
	private AccessFacts told;

	Subscription(Long id, String code, long producerAccountId, long productId, String productName,
			Subscriber subscriber, long firstPurchaseId, String firstTransaction, ZoneId zone, Instant startedAt,
			Instant trialEndsAt) {
		this.id = id;
		this.code = Objects.requireNonNull(code, "code");
		this.producerAccountId = producerAccountId;
		this.productId = productId;
		this.productName = productName;
		this.subscriber = Objects.requireNonNull(subscriber, "subscriber");
		this.firstPurchaseId = firstPurchaseId;
		this.firstTransaction = firstTransaction;
		this.zone = Objects.requireNonNull(zone, "zone");
		this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
		this.trialEndsAt = trialEndsAt;
	}

	/**
	 * A new subscription from its first purchase: ACTIVE, in its free trial when the plan
	 * has one (the first charge at the trial's end), otherwise with recurrence 1 paid by
	 * that purchase. The due day is the day of the first charge in the producer's zone.
	 * @param code a fresh subscriber code
	 * @param producerAccountId the producer
	 * @param productId the product
	 * @param productName its name
	 * @param plan the plan bought
	 * @param subscriber who
	 * @param firstPurchaseId the purchase
	 * @param firstTransaction its transaction code
	 * @param card the card kept for renewals, or null
	 * @param zone the producer's time zone
	 * @param at when the purchase was approved
	 * @param dunning the producer's dunning settings
	 * @return the subscription, with its first change recorded
	 */
	public static Subscription start(String code, long producerAccountId, long productId, String productName, Plan plan,
			Subscriber subscriber, long firstPurchaseId, String firstTransaction, PaymentCard card, ZoneId zone,
			Instant at, DunningSchedule dunning) {
		LocalDate today = LocalDate.ofInstant(at, zone);
		boolean trial = plan.trialDays() > 0;
		LocalDate firstDue = trial ? today.plusDays(plan.trialDays()) : today;
		Subscription s = new Subscription(null, code, producerAccountId, productId, productName, subscriber,
				firstPurchaseId, firstTransaction, zone, at, trial ? BillingCalendar.at(firstDue, zone) : null);
		s.plan = plan;
		s.card = card;
		s.dueDay = BillingCalendar.dueDayOf(firstDue, plan.period());
		if (trial) {
			s.currentRecurrence = 0;
			s.nextChargeDate = firstDue;
		}
		else {
			s.currentRecurrence = 1;
			s.lastChargedAt = at;
			s.nextChargeDate = BillingCalendar.next(firstDue, plan.period(), s.dueDay);
		}
		s.move(SubscriptionStatus.ACTIVE, trial ? "TRIAL_STARTED" : "PURCHASE_APPROVED", Actor.BUYER,
				subscriber.accountId(), firstTransaction, at, dunning);
		return s;
	}

	/**
	 * What the renewal task must do now.
	 * @param now the instant
	 * @param dunning the producer's dunning settings
	 * @return the step, {@link Step#NOTHING} when nothing is due
	 */
	public Step due(Instant now, DunningSchedule dunning) {
		if (this.nextAttemptAt == null || now.isBefore(this.nextAttemptAt)) {
			return Step.NOTHING;
		}
		switch (this.status) {
			case ACTIVE -> {
				if (this.plan.maxCharges() != null && this.currentRecurrence >= this.plan.maxCharges()) {
					return Step.COMPLETE;
				}
				return Step.CHARGE;
			}
			case DELAYED -> {
				Instant retry = nextRetry(dunning);
				if (retry != null && !now.isBefore(retry)) {
					return Step.CHARGE;
				}
				return now.isBefore(windowEnd(dunning)) ? Step.NOTHING : Step.GO_OVERDUE;
			}
			case OVERDUE -> {
				return Step.COUNT_UNPAID;
			}
			default -> {
				return Step.NOTHING;
			}
		}
	}

	/**
	 * A recurrence was paid. A recurrence already recorded changes nothing.
	 * @param recurrence the recurrence paid
	 * @param transaction its purchase's transaction code
	 * @param actor who paid it (the system for a renewal, the buyer for an overdue
	 * payment)
	 * @param at when
	 * @param dunning the producer's dunning settings
	 */
	public void paid(int recurrence, String transaction, Actor actor, Instant at, DunningSchedule dunning) {
		if (recurrence <= this.currentRecurrence) {
			return;
		}
		if (recurrence != this.currentRecurrence + 1 || !this.status.billable()) {
			throw new SubscriptionRefused(SubscriptionRefused.Reason.NOT_ACTIVE,
					"Subscription " + this.code + " cannot record recurrence " + recurrence + " while " + this.status
							+ " at " + this.currentRecurrence);
		}
		boolean wasTrial = inTrial();
		this.currentRecurrence = recurrence;
		this.lastChargedAt = at;
		this.periodStartDate = this.nextChargeDate;
		if (this.unpaidCount > 0) {
			this.unpaidCount--;
		}
		if (this.pendingDueDay != null) {
			this.dueDay = this.pendingDueDay;
			this.pendingDueDay = null;
		}
		this.nextChargeDate = BillingCalendar.next(this.nextChargeDate, this.plan.period(), this.dueDay);
		this.failedAttempts = 0;
		this.lastFailedAt = null;
		if (this.unpaidCount > 0) {
			this.overdueSince = nextChargeAt();
			record("RECURRENCE_PAID", actor, null, "recurrence " + recurrence + " " + transaction, at, dunning);
			return;
		}
		SubscriptionStatus before = this.status;
		this.overdueSince = null;
		this.lastDecline = null;
		this.cardNeedsUpdate = false;
		String cause = (before == SubscriptionStatus.ACTIVE) ? (wasTrial ? "TRIAL_CONVERTED" : "RENEWED") : "RECOVERED";
		move(SubscriptionStatus.ACTIVE, cause, actor, null, "recurrence " + recurrence + " " + transaction, at,
				dunning);
	}

	/**
	 * A charge under way when the subscription was cancelled went through: the period it
	 * pays is given (access continues to that period's end, the buyer paid for it); the
	 * status stays cancelled and nothing more is charged. Anything else changes nothing.
	 * @param recurrence the recurrence paid
	 * @param transaction its purchase's transaction code
	 * @param at when
	 * @param dunning the producer's dunning settings
	 * @return whether it was recorded
	 */
	public boolean paidAfterCancellation(int recurrence, String transaction, Instant at, DunningSchedule dunning) {
		if (!this.status.cancelled() || recurrence != this.currentRecurrence + 1 || this.nextChargeDate == null) {
			return false;
		}
		this.currentRecurrence = recurrence;
		this.lastChargedAt = at;
		this.periodStartDate = this.nextChargeDate;
		if (this.unpaidCount > 0) {
			this.unpaidCount--;
		}
		this.nextChargeDate = BillingCalendar.next(this.nextChargeDate, this.plan.period(), this.dueDay);
		Instant end = nextChargeAt();
		if (this.accessUntil == null || end.isAfter(this.accessUntil)) {
			this.accessUntil = end;
		}
		record("PAID_AFTER_CANCELLATION", Actor.SYSTEM, null, "recurrence " + recurrence + " " + transaction, at,
				dunning);
		return true;
	}

	/**
	 * A charge of the oldest unpaid recurrence was refused: DELAYED, with retries for a
	 * soft decline; a hard decline asks the buyer for another card and is not retried.
	 * @param reason the decline reason
	 * @param at when
	 * @param dunning the producer's dunning settings
	 */
	public void declined(DeclineReason reason, Instant at, DunningSchedule dunning) {
		if (!this.status.billable()) {
			throw new SubscriptionRefused(SubscriptionRefused.Reason.NOT_ACTIVE,
					"Subscription " + this.code + " is " + this.status + "; no charge to record");
		}
		if (this.unpaidCount == 0) {
			this.unpaidCount = 1;
			this.overdueSince = nextChargeAt();
		}
		this.failedAttempts++;
		this.lastFailedAt = at;
		this.lastDecline = reason;
		if (!reason.retriable()) {
			this.cardNeedsUpdate = true;
		}
		String detail = reason.name() + ", attempt " + this.failedAttempts;
		if (this.status == SubscriptionStatus.ACTIVE) {
			move(SubscriptionStatus.DELAYED, "CHARGE_DECLINED", Actor.SYSTEM, null, detail, at, dunning);
		}
		else {
			record("CHARGE_DECLINED", Actor.SYSTEM, null, detail, at, dunning);
		}
	}

	/**
	 * The dunning window ended unpaid: OVERDUE, access stops.
	 * @param at when
	 * @param dunning the producer's dunning settings
	 */
	public void goOverdue(Instant at, DunningSchedule dunning) {
		guard(EnumSet.of(SubscriptionStatus.DELAYED), "go overdue");
		move(SubscriptionStatus.OVERDUE, "RETRIES_EXHAUSTED", Actor.SYSTEM, null,
				this.unpaidCount + " unpaid recurrence(s)", at, dunning);
	}

	/**
	 * Another due date passed while OVERDUE: one more unpaid recurrence; the fifth in a
	 * row cancels the subscription (CANCELLED_BY_ADMIN).
	 * @param at when
	 * @param dunning the producer's dunning settings
	 */
	public void countUnpaid(Instant at, DunningSchedule dunning) {
		guard(EnumSet.of(SubscriptionStatus.OVERDUE), "count an unpaid recurrence");
		this.unpaidCount++;
		if (this.unpaidCount >= MAX_UNPAID) {
			this.cancelledAt = at;
			this.accessUntil = at;
			move(SubscriptionStatus.CANCELLED_BY_ADMIN, "UNPAID_RECURRENCES", Actor.SYSTEM, null,
					this.unpaidCount + " unpaid recurrences in a row", at, dunning);
			return;
		}
		record("RECURRENCE_UNPAID", Actor.SYSTEM, null, this.unpaidCount + " unpaid recurrence(s)", at, dunning);
	}

	/**
	 * Every charge of a limited plan was made and its last period ended: INACTIVE.
	 * @param at when
	 * @param dunning the producer's dunning settings
	 */
	public void complete(Instant at, DunningSchedule dunning) {
		guard(EnumSet.of(SubscriptionStatus.ACTIVE), "complete");
		this.accessUntil = nextChargeAt();
		move(SubscriptionStatus.INACTIVE, "ALL_CHARGES_MADE", Actor.SYSTEM, null,
				this.currentRecurrence + " charges made", at, dunning);
	}

	/**
	 * One of its charges was refunded or charged back: the subscription ends now
	 * (CANCELLED_BY_ADMIN), with access. Already ended: nothing changes.
	 * @param cause {@code REFUNDED} or {@code CHARGED_BACK}
	 * @param transaction the charge's transaction code
	 * @param at when
	 * @param dunning the producer's dunning settings
	 * @return whether it ended now
	 */
	public boolean endForRefund(String cause, String transaction, Instant at, DunningSchedule dunning) {
		if (!CANCELLABLE.contains(this.status)) {
			return false;
		}
		this.accessUntil = at;
		this.cancelledAt = at;
		this.pendingOfferId = null;
		this.pendingDueDay = null;
		move(SubscriptionStatus.CANCELLED_BY_ADMIN, cause, Actor.SYSTEM, null, transaction, at, dunning);
		return true;
	}

	/**
	 * Cancels: no more charges; access continues to the end of the paid period (the end
	 * of the trial during one), and ends at once when a charge is unpaid.
	 * @param actor who cancels
	 * @param actorAccountId their account, or null
	 * @param at when
	 * @param dunning the producer's dunning settings
	 */
	public void cancel(Actor actor, Long actorAccountId, Instant at, DunningSchedule dunning) {
		if (!CANCELLABLE.contains(this.status)) {
			throw new SubscriptionRefused(SubscriptionRefused.Reason.ALREADY_CANCELLED,
					"Subscription " + this.code + " is already " + this.status + ".");
		}
		Instant paidUntil = nextChargeAt();
		this.accessUntil = (this.unpaidCount == 0 && paidUntil != null && paidUntil.isAfter(at)) ? paidUntil : at;
		this.cancelledAt = at;
		this.pendingOfferId = null;
		this.pendingDueDay = null;
		this.reactivationOfferedAt = null;
		this.reactivationCharge = null;
		SubscriptionStatus to = switch (actor) {
			case BUYER -> SubscriptionStatus.CANCELLED_BY_CUSTOMER;
			case PRODUCER -> SubscriptionStatus.CANCELLED_BY_SELLER;
			case ADMIN, SYSTEM -> SubscriptionStatus.CANCELLED_BY_ADMIN;
		};
		move(to, "CANCELLED", actor, actorAccountId, null, at, dunning);
	}

	/**
	 * The producer (or an admin) offers the buyer to reactivate: the buyer accepts
	 * through an e-mailed link within 3 days; the status stays as it is until then.
	 * @param charge whether accepting charges a new recurrence at once
	 * @param actor who offers
	 * @param actorAccountId their account
	 * @param at when
	 * @param dunning the producer's dunning settings
	 */
	public void offerReactivation(boolean charge, Actor actor, Long actorAccountId, Instant at,
			DunningSchedule dunning) {
		checkReactivatable();
		this.reactivationOfferedAt = at;
		this.reactivationCharge = charge;
		record("REACTIVATION_OFFERED", actor, actorAccountId, charge ? "with a charge" : "without a charge", at,
				dunning);
	}

	/**
	 * @param now the instant
	 * @return whether a reactivation offer is open (made less than 3 days ago)
	 */
	public boolean reactivationOffered(Instant now) {
		return this.reactivationOfferedAt != null
				&& now.isBefore(this.reactivationOfferedAt.plus(java.time.Duration.ofDays(3)));
	}

	/**
	 * @throws SubscriptionRefused unless cancelled, inactive or overdue
	 */
	public void checkReactivatable() {
		if (this.status == SubscriptionStatus.ACTIVE || this.status == SubscriptionStatus.DELAYED
				|| this.status == SubscriptionStatus.STARTED) {
			throw new SubscriptionRefused(SubscriptionRefused.Reason.ALREADY_ACTIVE,
					"Subscription " + this.code + " is " + this.status + ".");
		}
	}

	/**
	 * Reactivates: ACTIVE again on the same due day, the unpaid recurrences skipped. When
	 * {@code chargedRecurrence} is given that recurrence was just paid and the next
	 * charge falls on the first due date after today; otherwise the billing date stays as
	 * it was when still ahead, or the next due date from today.
	 * @param chargedRecurrence the recurrence paid now, or null without a charge
	 * @param transaction its transaction code, or null
	 * @param actor who reactivated (the buyer accepting, or the producer)
	 * @param actorAccountId their account
	 * @param at when
	 * @param dunning the producer's dunning settings
	 */
	public void reactivate(Integer chargedRecurrence, String transaction, Actor actor, Long actorAccountId, Instant at,
			DunningSchedule dunning) {
		checkReactivatable();
		LocalDate today = LocalDate.ofInstant(at, this.zone);
		this.currentRecurrence = (chargedRecurrence != null) ? chargedRecurrence
				: this.currentRecurrence + this.unpaidCount;
		if (chargedRecurrence != null) {
			this.lastChargedAt = at;
			this.nextChargeDate = BillingCalendar.onOrAfter(today.plusDays(1), this.plan.period(), this.dueDay);
			this.periodStartDate = BillingCalendar.previous(this.nextChargeDate, this.plan.period(), this.dueDay);
		}
		else if (this.nextChargeDate == null || !this.nextChargeDate.isAfter(today)) {
			this.nextChargeDate = BillingCalendar.onOrAfter(today.plusDays(1), this.plan.period(), this.dueDay);
			this.periodStartDate = BillingCalendar.previous(this.nextChargeDate, this.plan.period(), this.dueDay);
		}
		this.unpaidCount = 0;
		this.overdueSince = null;
		this.failedAttempts = 0;
		this.lastFailedAt = null;
		this.lastDecline = null;
		this.cancelledAt = null;
		this.accessUntil = null;
		this.reactivationOfferedAt = null;
		this.reactivationCharge = null;
		move(SubscriptionStatus.ACTIVE, "REACTIVATED", actor, actorAccountId,
				(transaction != null) ? "recurrence " + chargedRecurrence + " " + transaction : "without a charge", at,
				dunning);
	}

	/**
	 * Asks for another due day, which applies from the charge after the next one.
	 * @param day 1 to 31 (1 to 7, Monday to Sunday, for weekly plans)
	 * @param actor who
	 * @param actorAccountId their account
	 * @param at when
	 * @param dunning the producer's dunning settings
	 */
	public void changeDueDay(int day, Actor actor, Long actorAccountId, Instant at, DunningSchedule dunning) {
		if (day < 1 || day > BillingCalendar.maxDueDay(this.plan.period())) {
			throw new SubscriptionRefused(SubscriptionRefused.Reason.INVALID_DUE_DAY, "The due day must be 1 to "
					+ BillingCalendar.maxDueDay(this.plan.period()) + " for this plan; got " + day + ".");
		}
		if (this.status != SubscriptionStatus.ACTIVE && this.status != SubscriptionStatus.DELAYED) {
			throw new SubscriptionRefused(SubscriptionRefused.Reason.NOT_ACTIVE, "Subscription " + this.code + " is "
					+ this.status + "; only active or delayed subscriptions change due day.");
		}
		if (inTrial()) {
			throw new SubscriptionRefused(SubscriptionRefused.Reason.IN_TRIAL,
					"Subscription " + this.code + " is in its free trial; change the due day after the first charge.");
		}
		int old = (this.pendingDueDay != null) ? this.pendingDueDay : this.dueDay;
		this.pendingDueDay = (day == this.dueDay) ? null : day;
		record("DUE_DAY_CHANGED", actor, actorAccountId, old + " -> " + day, at, dunning);
	}

	/**
	 * Keeps another card for the next charges (the buyer typed it and the gateway stored
	 * it).
	 * @param card the stored card
	 * @param at when
	 * @param dunning the producer's dunning settings
	 */
	public void updateCard(PaymentCard card, Instant at, DunningSchedule dunning) {
		this.card = Objects.requireNonNull(card, "card");
		this.cardNeedsUpdate = false;
		record("CARD_UPDATED", Actor.BUYER, this.subscriber.accountId(), card.brand() + " " + card.last4(), at,
				dunning);
	}

	/**
	 * Switches to another plan of the product, as quoted.
	 * @param to the new plan
	 * @param quote what it costs and when it applies (an upgrade's difference was paid
	 * when it costs something)
	 * @param actor who
	 * @param actorAccountId their account
	 * @param at when
	 * @param dunning the producer's dunning settings
	 */
	public void switchPlan(Plan to, PlanSwitchQuote quote, Actor actor, Long actorAccountId, Instant at,
			DunningSchedule dunning) {
		if (this.status != SubscriptionStatus.ACTIVE) {
			throw new SubscriptionRefused(SubscriptionRefused.Reason.NOT_ACTIVE,
					"Subscription " + this.code + " is " + this.status + "; only active subscriptions switch plan.");
		}
		String detail = this.plan.offerCode() + " -> " + to.offerCode() + " (" + quote.kind() + ", " + quote.chargeNow()
				+ ")";
		if (quote.kind() == PlanSwitchQuote.Kind.DOWNGRADE) {
			this.pendingOfferId = to.offerId();
			record("PLAN_SWITCH_SCHEDULED", actor, actorAccountId, detail, at, dunning);
			return;
		}
		followDueDay(to);
		this.plan = to;
		this.pendingOfferId = null;
		if (quote.newCycle()) {
			LocalDate today = LocalDate.ofInstant(at, this.zone);
			this.dueDay = BillingCalendar.dueDayOf(today, to.period());
			this.pendingDueDay = null;
			this.nextChargeDate = BillingCalendar.next(today, to.period(), this.dueDay);
			this.periodStartDate = today;
		}
		record("PLAN_SWITCHED", actor, actorAccountId, detail, at, dunning);
	}

	/**
	 * Applies a downgrade scheduled for this renewal.
	 * @param to the plan scheduled
	 * @param at when
	 * @param dunning the producer's dunning settings
	 */
	public void applyScheduledPlan(Plan to, Instant at, DunningSchedule dunning) {
		String detail = this.plan.offerCode() + " -> " + to.offerCode();
		followDueDay(to);
		this.plan = to;
		this.pendingOfferId = null;
		record("PLAN_SWITCHED", Actor.SYSTEM, null, detail, at, dunning);
	}

	/**
	 * A day of the week and a day of the month do not translate: between a weekly and a
	 * monthly-based plan the due day becomes that of the next charge in the new plan's
	 * terms, and a due day asked in the old plan's terms is dropped.
	 */
	private void followDueDay(Plan to) {
		boolean weeklyBefore = this.plan.period() == BillingPeriod.WEEKLY;
		if (weeklyBefore != (to.period() == BillingPeriod.WEEKLY) && this.nextChargeDate != null) {
			this.dueDay = BillingCalendar.dueDayOf(this.nextChargeDate, to.period());
			this.pendingDueDay = null;
		}
	}

	/**
	 * @param now the instant
	 * @param dunning the producer's dunning settings
	 * @return whether the subscription gives access now
	 */
	public boolean givesAccess(Instant now, DunningSchedule dunning) {
		return switch (this.status) {
			case ACTIVE -> true;
			case DELAYED -> dunning.graceWhileDelayed();
			case CANCELLED_BY_CUSTOMER, CANCELLED_BY_SELLER, CANCELLED_BY_ADMIN ->
				this.accessUntil != null && now.isBefore(this.accessUntil);
			default -> false;
		};
	}

	/**
	 * @return whether it is in its free trial (nothing paid yet, the trial not converted)
	 */
	public boolean inTrial() {
		return this.trialEndsAt != null && this.currentRecurrence == 0 && this.status == SubscriptionStatus.ACTIVE;
	}

	/**
	 * @return when the next recurrence is due, null without one
	 */
	public Instant nextChargeAt() {
		return (this.nextChargeDate != null) ? BillingCalendar.at(this.nextChargeDate, this.zone) : null;
	}

	/**
	 * @return the compatible API's {@code date_next_charge}: the next charge, or for a
	 * cancelled or ended subscription the last moment of access
	 */
	public Instant dateNextCharge() {
		return (this.status.cancelled() || this.status == SubscriptionStatus.INACTIVE) ? this.accessUntil
				: nextChargeAt();
	}

	/**
	 * @return the start of the paid period running now (the last charge's due date, or
	 * the start for the first)
	 */
	public Instant periodStart() {
		if (this.periodStartDate != null) {
			return BillingCalendar.at(this.periodStartDate, this.zone);
		}
		if (this.nextChargeDate == null || this.currentRecurrence <= 1) {
			return (this.trialEndsAt != null && this.currentRecurrence == 1) ? this.trialEndsAt : this.startedAt;
		}
		return BillingCalendar.at(BillingCalendar.previous(this.nextChargeDate, this.plan.period(), this.dueDay),
				this.zone);
	}

	/**
	 * @return the due dates (producer's zone) of the unpaid recurrences, oldest first
	 */
	public List<LocalDate> unpaidDueDates() {
		List<LocalDate> dates = new ArrayList<>();
		LocalDate date = this.nextChargeDate;
		for (int i = 0; i < this.unpaidCount && date != null; i++) {
			dates.add(date);
			date = BillingCalendar.next(date, this.plan.period(), this.dueDay);
		}
		return dates;
	}

	private Instant nextRetry(DunningSchedule dunning) {
		return this.cardNeedsUpdate ? null : dunning.nextRetry(this.overdueSince, this.failedAttempts);
	}

	private Instant windowEnd(DunningSchedule dunning) {
		return dunning.windowEnd(this.overdueSince);
	}

	/**
	 * Recomputes when the renewal task looks at it next (also after the producer changed
	 * the dunning settings).
	 * @param dunning the producer's dunning settings
	 */
	public void reschedule(DunningSchedule dunning) {
		this.nextAttemptAt = switch (this.status) {
			case ACTIVE -> nextChargeAt();
			case DELAYED -> {
				Instant retry = nextRetry(dunning);
				Instant end = windowEnd(dunning);
				yield (retry != null && retry.isBefore(end)) ? retry : end;
			}
			case OVERDUE -> {
				List<LocalDate> unpaid = unpaidDueDates();
				LocalDate last = unpaid.isEmpty() ? this.nextChargeDate : unpaid.get(unpaid.size() - 1);
				yield BillingCalendar.at(BillingCalendar.next(last, this.plan.period(), this.dueDay), this.zone);
			}
			default -> null;
		};
	}

	private void guard(Set<SubscriptionStatus> allowed, String what) {
		if (!allowed.contains(this.status)) {
			throw new SubscriptionRefused(SubscriptionRefused.Reason.NOT_ACTIVE,
					"Subscription " + this.code + " is " + this.status + "; cannot " + what + ".");
		}
	}

	private void move(SubscriptionStatus to, String cause, Actor actor, Long actorAccountId, String detail, Instant at,
			DunningSchedule dunning) {
		this.changes.add(new SubscriptionChange(this.status, to, cause, actor, actorAccountId, detail, at));
		this.status = to;
		reschedule(dunning);
	}

	private void record(String cause, Actor actor, Long actorAccountId, String detail, Instant at,
			DunningSchedule dunning) {
		this.changes.add(new SubscriptionChange(this.status, this.status, cause, actor, actorAccountId, detail, at));
		reschedule(dunning);
	}

	/** What the renewal task must do. */
	public enum Step {

		/** Nothing is due. */
		NOTHING,

		/** Charge the next (or the oldest unpaid) recurrence. */
		CHARGE,

		/** The dunning window ended unpaid. */
		GO_OVERDUE,

		/** A due date passed while overdue. */
		COUNT_UNPAID,

		/** A limited plan's last period ended. */
		COMPLETE

	}

	// accessors and restore support below

	/**
	 * The stored state, for the rows that restore a subscription.
	 */
	record State(Plan plan, SubscriptionStatus status, int dueDay, Integer pendingDueDay, int currentRecurrence,
			LocalDate nextChargeDate, LocalDate periodStartDate, Instant lastChargedAt, int unpaidCount,
			Instant overdueSince, int failedAttempts, Instant lastFailedAt, DeclineReason lastDecline,
			boolean cardNeedsUpdate, PaymentCard card, Instant cancelledAt, Instant accessUntil, Long pendingOfferId,
			Instant reactivationOfferedAt, Boolean reactivationCharge, Instant nextAttemptAt, long version) {
	}

	void restore(State s) {
		this.plan = s.plan();
		this.status = s.status();
		this.dueDay = s.dueDay();
		this.pendingDueDay = s.pendingDueDay();
		this.currentRecurrence = s.currentRecurrence();
		this.nextChargeDate = s.nextChargeDate();
		this.periodStartDate = s.periodStartDate();
		this.lastChargedAt = s.lastChargedAt();
		this.unpaidCount = s.unpaidCount();
		this.overdueSince = s.overdueSince();
		this.failedAttempts = s.failedAttempts();
		this.lastFailedAt = s.lastFailedAt();
		this.lastDecline = s.lastDecline();
		this.cardNeedsUpdate = s.cardNeedsUpdate();
		this.card = s.card();
		this.cancelledAt = s.cancelledAt();
		this.accessUntil = s.accessUntil();
		this.pendingOfferId = s.pendingOfferId();
		this.reactivationOfferedAt = s.reactivationOfferedAt();
		this.reactivationCharge = s.reactivationCharge();
		this.nextAttemptAt = s.nextAttemptAt();
		this.version = s.version();
		this.told = accessFacts();
	}

	/**
	 * What {@link SubscriptionAccessChanged} says besides the time and version: its
	 * access follows from these (and the producer's dunning settings).
	 */
	record AccessFacts(SubscriptionStatus status, Instant accessUntil, Instant overdueSince, long accountId,
			String email) {
	}

	private AccessFacts accessFacts() {
		return new AccessFacts(this.status, this.accessUntil, this.overdueSince, this.subscriber.accountId(),
				this.subscriber.email());
	}

	/**
	 * @return whether what gives access changed since it was loaded or last published: a
	 * renewal of an active subscription changes nothing the members area keeps
	 */
	boolean accessChanged() {
		return !accessFacts().equals(this.told);
	}

	/** The members area was told of its access as it is now. */
	void accessTold() {
		this.told = accessFacts();
	}

	State state() {
		return new State(this.plan, this.status, this.dueDay, this.pendingDueDay, this.currentRecurrence,
				this.nextChargeDate, this.periodStartDate, this.lastChargedAt, this.unpaidCount, this.overdueSince,
				this.failedAttempts, this.lastFailedAt, this.lastDecline, this.cardNeedsUpdate, this.card,
				this.cancelledAt, this.accessUntil, this.pendingOfferId, this.reactivationOfferedAt,
				this.reactivationCharge, this.nextAttemptAt, this.version);
	}

	void clearChanges() {
		this.changes.clear();
	}

	void nextVersion() {
		this.version++;
	}

	public Long id() {
		return this.id;
	}

	public String code() {
		return this.code;
	}

	public long producerAccountId() {
		return this.producerAccountId;
	}

	public long productId() {
		return this.productId;
	}

	public String productName() {
		return this.productName;
	}

	public Subscriber subscriber() {
		return this.subscriber;
	}

	public long firstPurchaseId() {
		return this.firstPurchaseId;
	}

	public String firstTransaction() {
		return this.firstTransaction;
	}

	public ZoneId zone() {
		return this.zone;
	}

	public Instant startedAt() {
		return this.startedAt;
	}

	public Instant trialEndsAt() {
		return this.trialEndsAt;
	}

	public Plan plan() {
		return this.plan;
	}

	public SubscriptionStatus status() {
		return this.status;
	}

	public int dueDay() {
		return this.dueDay;
	}

	public Integer pendingDueDay() {
		return this.pendingDueDay;
	}

	public int currentRecurrence() {
		return this.currentRecurrence;
	}

	public LocalDate nextChargeDate() {
		return this.nextChargeDate;
	}

	public Instant lastChargedAt() {
		return this.lastChargedAt;
	}

	/**
	 * @return the due date (producer's zone) the paid period running now started on; null
	 * while the first period runs (from {@link #startedAt()})
	 */
	public LocalDate periodStartDate() {
		return this.periodStartDate;
	}

	public int unpaidCount() {
		return this.unpaidCount;
	}

	public Instant overdueSince() {
		return this.overdueSince;
	}

	public int failedAttempts() {
		return this.failedAttempts;
	}

	public Instant lastFailedAt() {
		return this.lastFailedAt;
	}

	public DeclineReason lastDecline() {
		return this.lastDecline;
	}

	public boolean cardNeedsUpdate() {
		return this.cardNeedsUpdate;
	}

	public PaymentCard card() {
		return this.card;
	}

	public Instant cancelledAt() {
		return this.cancelledAt;
	}

	public Instant accessUntil() {
		return this.accessUntil;
	}

	public Long pendingOfferId() {
		return this.pendingOfferId;
	}

	public Instant reactivationOfferedAt() {
		return this.reactivationOfferedAt;
	}

	public Boolean reactivationCharge() {
		return this.reactivationCharge;
	}

	public Instant nextAttemptAt() {
		return this.nextAttemptAt;
	}

	public long version() {
		return this.version;
	}

	public List<SubscriptionChange> changes() {
		return List.copyOf(this.changes);
	}

}
