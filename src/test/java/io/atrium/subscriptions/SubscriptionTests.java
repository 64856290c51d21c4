package io.atrium.subscriptions;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import io.atrium.catalog.BillingPeriod;
import io.atrium.checkout.DeclineReason;
import io.atrium.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The subscription aggregate through its life: trial, renewals, soft and hard declines,
 * retries and recovery, overdue, the automatic cancellation after 5 unpaid recurrences,
 * cancel and reactivate, the due-day change, plan switches, and the refusals (which name
 * the current state).
 */
class SubscriptionTests {

	static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

	static final DunningSchedule DUNNING = DunningSchedule.DEFAULT;

	static final DunningSchedule NO_GRACE = new DunningSchedule(List.of(1, 3, 3, 3), false);

	static final Plan MONTHLY = new Plan(11, "MONTHLY1", "Monthly", BillingPeriod.MONTHLY, null, 0,
			Money.of(3000, "BRL"), null, 7);

	static final Plan MONTHLY_PLUS = new Plan(12, "MONTHPLU", "Monthly plus", BillingPeriod.MONTHLY, null, 0,
			Money.of(6000, "BRL"), null, 7);

	static final Plan MONTHLY_LITE = new Plan(13, "MONTHLIT", "Monthly lite", BillingPeriod.MONTHLY, null, 0,
			Money.of(1500, "BRL"), null, 7);

	static final Plan ANNUAL = new Plan(14, "ANNUAL01", "Annual", BillingPeriod.ANNUAL, null, 0, Money.of(60000, "BRL"),
			null, 7);

	static final Plan TRIAL = new Plan(15, "TRIAL001", "Monthly with trial", BillingPeriod.MONTHLY, null, 7,
			Money.of(3000, "BRL"), null, 7);

	static final Plan THREE_CHARGES = new Plan(16, "THREE001", "Three months", BillingPeriod.MONTHLY, 3, 0,
			Money.of(3000, "BRL"), null, 7);

	static final Plan WEEKLY = new Plan(17, "WEEKLY01", "Weekly", BillingPeriod.WEEKLY, null, 0, Money.of(1000, "BRL"),
			null, 7);

	/** Noon in São Paulo on a day. */
	static Instant noon(int year, int month, int day) {
		return LocalDateTime.of(year, month, day, 12, 0).atZone(ZONE).toInstant();
	}

	/** The start of a day in São Paulo, when a charge is due. */
	static Instant midnight(int year, int month, int day) {
		return LocalDate.of(year, month, day).atStartOfDay(ZONE).toInstant();
	}

	static Subscription start(Plan plan, Instant at) {
		Subscription s = Subscription.start("ABCD2345", 7, 100, "Club", plan,
				new Subscriber(42, "Ana", "ana@example.com", null, Locale.ENGLISH), 500, "HP0000000001",
				new PaymentCard("pm_1", "VISA", "1111"), ZONE, at, DUNNING);
		return s;
	}

	/** A monthly subscription bought at noon on 2027-01-10: due on the 10th. */
	static Subscription boughtOnJanuary10() {
		return start(MONTHLY, noon(2027, 1, 10));
	}

	static List<String> causes(Subscription s) {
		return s.changes().stream().map(SubscriptionChange::cause).toList();
	}

	static SubscriptionChange last(Subscription s) {
		List<SubscriptionChange> changes = s.changes();
		return changes.get(changes.size() - 1);
	}

	/** Declines every attempt at the unpaid charge until no retry is left. */
	static void declineEveryRetry(Subscription s, DeclineReason reason) {
		for (int i = 0; i < 20 && s.due(s.nextAttemptAt(), DUNNING) == Subscription.Step.CHARGE; i++) {
			s.declined(reason, s.nextAttemptAt(), DUNNING);
		}
	}

	@Test
	void aPurchaseStartsAnActiveSubscriptionPaidUntilTheSameDayNextMonth() {
		Subscription s = boughtOnJanuary10();
		assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(s.currentRecurrence()).isEqualTo(1);
		assertThat(s.dueDay()).isEqualTo(10);
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2027, 2, 10));
		assertThat(s.nextChargeAt()).isEqualTo(midnight(2027, 2, 10));
		assertThat(s.dateNextCharge()).isEqualTo(midnight(2027, 2, 10));
		assertThat(s.nextAttemptAt()).isEqualTo(midnight(2027, 2, 10));
		assertThat(s.inTrial()).isFalse();
		assertThat(s.trialEndsAt()).isNull();
		assertThat(s.periodStart()).isEqualTo(noon(2027, 1, 10));
		assertThat(s.givesAccess(noon(2027, 1, 10), DUNNING)).isTrue();
		assertThat(s.changes()).singleElement().satisfies((c) -> {
			assertThat(c.from()).isNull();
			assertThat(c.to()).isEqualTo(SubscriptionStatus.ACTIVE);
			assertThat(c.cause()).isEqualTo("PURCHASE_APPROVED");
			assertThat(c.actor()).isEqualTo(Actor.BUYER);
			assertThat(c.actorAccountId()).isEqualTo(42L);
		});
	}

	@Test
	void theDueDayIsTheDayInTheProducersZone() {
		// 01:30 UTC on the 11th is still the 10th in São Paulo
		Subscription s = start(MONTHLY, Instant.parse("2027-01-11T01:30:00Z"));
		assertThat(s.dueDay()).isEqualTo(10);
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2027, 2, 10));
	}

	@Test
	void nothingIsDueBeforeMidnightOfTheDueDateInTheProducersZone() {
		Subscription s = boughtOnJanuary10();
		Instant due = midnight(2027, 2, 10);
		assertThat(s.due(due.minus(Duration.ofMinutes(1)), DUNNING)).isEqualTo(Subscription.Step.NOTHING);
		assertThat(s.due(due, DUNNING)).isEqualTo(Subscription.Step.CHARGE);
		assertThat(s.due(due.plus(Duration.ofMinutes(1)), DUNNING)).isEqualTo(Subscription.Step.CHARGE);
	}

	@Test
	void eachRenewalPaysTheNextRecurrenceOnceAndMovesTheNextChargeAMonth() {
		Subscription s = boughtOnJanuary10();
		s.paid(2, "HP0000000002", Actor.SYSTEM, midnight(2027, 2, 10), DUNNING);
		assertThat(s.currentRecurrence()).isEqualTo(2);
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2027, 3, 10));
		assertThat(s.periodStart()).isEqualTo(midnight(2027, 2, 10));
		assertThat(last(s).cause()).isEqualTo("RENEWED");
		assertThat(last(s).from()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(s.due(midnight(2027, 2, 10), DUNNING)).isEqualTo(Subscription.Step.NOTHING);
		int changes = s.changes().size();
		// the same outcome recorded again changes nothing
		s.paid(2, "HP0000000002", Actor.SYSTEM, midnight(2027, 2, 10), DUNNING);
		assertThat(s.currentRecurrence()).isEqualTo(2);
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2027, 3, 10));
		assertThat(s.changes()).hasSize(changes);
		for (int r = 3; r <= 14; r++) {
			s.paid(r, "HP" + r, Actor.SYSTEM, s.nextChargeAt(), DUNNING);
		}
		assertThat(s.currentRecurrence()).isEqualTo(14);
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2028, 3, 10));
		assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
	}

	@Test
	void aRecurrenceCannotBeSkipped() {
		Subscription s = boughtOnJanuary10();
		assertThatThrownBy(() -> s.paid(3, "HP3", Actor.SYSTEM, midnight(2027, 2, 10), DUNNING))
			.isInstanceOf(SubscriptionRefused.class)
			.hasMessageContaining("ACTIVE")
			.hasMessageContaining("recurrence 3");
		assertThat(s.currentRecurrence()).isEqualTo(1);
	}

	@Test
	void aSubscriptionStartedOnThe31stIsChargedOnTheLastDayOfShorterMonths() {
		Subscription s = start(MONTHLY, noon(2027, 1, 31));
		assertThat(s.dueDay()).isEqualTo(31);
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2027, 2, 28));
		s.paid(2, "HP2", Actor.SYSTEM, midnight(2027, 2, 28), DUNNING);
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2027, 3, 31));
		s.paid(3, "HP3", Actor.SYSTEM, midnight(2027, 3, 31), DUNNING);
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2027, 4, 30));
		assertThat(s.dueDay()).isEqualTo(31);
	}

	@Test
	void aFreeTrialChargesNothingUntilItEndsThenConverts() {
		Subscription s = start(TRIAL, noon(2027, 3, 10));
		assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(s.inTrial()).isTrue();
		assertThat(s.currentRecurrence()).isZero();
		assertThat(s.trialEndsAt()).isEqualTo(midnight(2027, 3, 17));
		assertThat(s.nextChargeAt()).isEqualTo(midnight(2027, 3, 17));
		assertThat(s.dueDay()).isEqualTo(17);
		assertThat(last(s).cause()).isEqualTo("TRIAL_STARTED");
		assertThat(s.givesAccess(noon(2027, 3, 16), DUNNING)).isTrue();
		assertThat(s.due(midnight(2027, 3, 17).minusSeconds(60), DUNNING)).isEqualTo(Subscription.Step.NOTHING);
		assertThat(s.due(midnight(2027, 3, 17), DUNNING)).isEqualTo(Subscription.Step.CHARGE);

		s.paid(1, "HP1", Actor.SYSTEM, midnight(2027, 3, 17), DUNNING);
		assertThat(s.inTrial()).isFalse();
		assertThat(s.currentRecurrence()).isEqualTo(1);
		assertThat(last(s).cause()).isEqualTo("TRIAL_CONVERTED");
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2027, 4, 17));
		assertThat(s.periodStart()).isEqualTo(midnight(2027, 3, 17));
	}

	@Test
	void aDeclinedTrialConversionIsDelayedLikeAnyRenewal() {
		Subscription s = start(TRIAL, noon(2027, 3, 10));
		s.declined(DeclineReason.INSUFFICIENT_FUNDS, midnight(2027, 3, 17), DUNNING);
		assertThat(s.status()).isEqualTo(SubscriptionStatus.DELAYED);
		assertThat(s.inTrial()).isFalse();
		assertThat(s.overdueSince()).isEqualTo(midnight(2027, 3, 17));
		assertThat(s.nextAttemptAt()).isEqualTo(midnight(2027, 3, 18));
	}

	@Test
	void cancellingDuringTheTrialChargesNothingAndKeepsAccessUntilTheTrialEnds() {
		Subscription s = start(TRIAL, noon(2027, 3, 10));
		s.cancel(Actor.BUYER, 42L, noon(2027, 3, 12), DUNNING);
		assertThat(s.status()).isEqualTo(SubscriptionStatus.CANCELLED_BY_CUSTOMER);
		assertThat(s.accessUntil()).isEqualTo(midnight(2027, 3, 17));
		assertThat(s.dateNextCharge()).isEqualTo(midnight(2027, 3, 17));
		assertThat(s.nextAttemptAt()).isNull();
		assertThat(s.due(midnight(2027, 3, 17), DUNNING)).isEqualTo(Subscription.Step.NOTHING);
		assertThat(s.due(midnight(2027, 6, 17), DUNNING)).isEqualTo(Subscription.Step.NOTHING);
		assertThat(s.givesAccess(noon(2027, 3, 16), DUNNING)).isTrue();
		assertThat(s.givesAccess(midnight(2027, 3, 17), DUNNING)).isFalse();
		assertThat(s.inTrial()).isFalse();
	}

	@Test
	void aSoftDeclineIsDelayedAndRetriedOnTheScheduleFromTheDueDate() {
		Subscription s = boughtOnJanuary10();
		Instant due = midnight(2027, 2, 10);
		s.declined(DeclineReason.INSUFFICIENT_FUNDS, due.plusSeconds(5), DUNNING);
		assertThat(s.status()).isEqualTo(SubscriptionStatus.DELAYED);
		assertThat(s.unpaidCount()).isEqualTo(1);
		assertThat(s.unpaidDueDates()).containsExactly(LocalDate.of(2027, 2, 10));
		assertThat(s.overdueSince()).isEqualTo(due);
		assertThat(s.failedAttempts()).isEqualTo(1);
		assertThat(s.lastDecline()).isEqualTo(DeclineReason.INSUFFICIENT_FUNDS);
		assertThat(s.cardNeedsUpdate()).isFalse();
		assertThat(s.currentRecurrence()).isEqualTo(1);
		assertThat(s.nextChargeDate()).as("still the unpaid one").isEqualTo(LocalDate.of(2027, 2, 10));
		assertThat(last(s).cause()).isEqualTo("CHARGE_DECLINED");
		assertThat(last(s).from()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(last(s).to()).isEqualTo(SubscriptionStatus.DELAYED);
		assertThat(last(s).detail()).contains("INSUFFICIENT_FUNDS");

		// retries 1, 4, 7 and 10 days after the due date
		List<Instant> retries = List.of(due.plus(Duration.ofDays(1)), due.plus(Duration.ofDays(4)),
				due.plus(Duration.ofDays(7)), due.plus(Duration.ofDays(10)));
		for (int i = 0; i < retries.size(); i++) {
			Instant retry = retries.get(i);
			assertThat(s.nextAttemptAt()).isEqualTo(retry);
			assertThat(s.due(retry.minusSeconds(1), DUNNING)).isEqualTo(Subscription.Step.NOTHING);
			assertThat(s.due(retry, DUNNING)).isEqualTo(Subscription.Step.CHARGE);
			s.declined(DeclineReason.PROCESSING_ERROR, retry, DUNNING);
			assertThat(s.status()).isEqualTo(SubscriptionStatus.DELAYED);
			assertThat(s.failedAttempts()).isEqualTo(i + 2);
			assertThat(s.unpaidCount()).isEqualTo(1);
		}
		// no retry left: the window's end makes it OVERDUE
		assertThat(s.nextAttemptAt()).isEqualTo(due.plus(Duration.ofDays(10)));
		assertThat(s.due(due.plus(Duration.ofDays(10)), DUNNING)).isEqualTo(Subscription.Step.GO_OVERDUE);
	}

	@Test
	void whileDelayedAccessFollowsTheProducersGraceSetting() {
		Subscription s = boughtOnJanuary10();
		s.declined(DeclineReason.INSUFFICIENT_FUNDS, midnight(2027, 2, 10), DUNNING);
		assertThat(s.givesAccess(noon(2027, 2, 11), DUNNING)).isTrue();
		assertThat(s.givesAccess(noon(2027, 2, 11), NO_GRACE)).isFalse();
	}

	@Test
	void aRetryThatIsPaidRecoversTheSubscriptionOnItsOriginalDates() {
		Subscription s = boughtOnJanuary10();
		s.declined(DeclineReason.INSUFFICIENT_FUNDS, midnight(2027, 2, 10), DUNNING);
		s.declined(DeclineReason.INSUFFICIENT_FUNDS, midnight(2027, 2, 11), DUNNING);
		s.paid(2, "HP2", Actor.SYSTEM, midnight(2027, 2, 14), DUNNING);
		assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(last(s).cause()).isEqualTo("RECOVERED");
		assertThat(last(s).from()).isEqualTo(SubscriptionStatus.DELAYED);
		assertThat(s.currentRecurrence()).isEqualTo(2);
		assertThat(s.unpaidCount()).isZero();
		assertThat(s.overdueSince()).isNull();
		assertThat(s.failedAttempts()).isZero();
		assertThat(s.lastDecline()).isNull();
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2027, 3, 10));
		assertThat(s.nextAttemptAt()).isEqualTo(midnight(2027, 3, 10));
	}

	@Test
	void aHardDeclineIsNotRetriedTheBuyerIsAskedForAnotherCardAndItIsOverdueAtTheWindowsEnd() {
		Subscription s = boughtOnJanuary10();
		Instant due = midnight(2027, 2, 10);
		s.declined(DeclineReason.STOLEN_CARD, due, DUNNING);
		assertThat(s.status()).isEqualTo(SubscriptionStatus.DELAYED);
		assertThat(s.cardNeedsUpdate()).isTrue();
		assertThat(s.nextAttemptAt()).as("no retry: the end of the window").isEqualTo(due.plus(Duration.ofDays(10)));
		assertThat(s.due(due.plus(Duration.ofDays(1)), DUNNING)).isEqualTo(Subscription.Step.NOTHING);
		assertThat(s.due(due.plus(Duration.ofDays(9)), DUNNING)).isEqualTo(Subscription.Step.NOTHING);
		assertThat(s.due(due.plus(Duration.ofDays(10)), DUNNING)).isEqualTo(Subscription.Step.GO_OVERDUE);
		s.goOverdue(due.plus(Duration.ofDays(10)), DUNNING);
		assertThat(s.status()).isEqualTo(SubscriptionStatus.OVERDUE);
		assertThat(last(s).cause()).isEqualTo("RETRIES_EXHAUSTED");
		assertThat(s.givesAccess(due.plus(Duration.ofDays(10)), DUNNING)).isFalse();
		for (DeclineReason hard : List.of(DeclineReason.INVALID_CARD, DeclineReason.EXPIRED_CARD,
				DeclineReason.CLOSED_ACCOUNT)) {
			Subscription other = boughtOnJanuary10();
			other.declined(hard, due, DUNNING);
			assertThat(other.cardNeedsUpdate()).as(hard.name()).isTrue();
		}
	}

	@Test
	void aNewCardAfterAHardDeclineBringsTheRetriesBack() {
		Subscription s = boughtOnJanuary10();
		Instant due = midnight(2027, 2, 10);
		s.declined(DeclineReason.EXPIRED_CARD, due, DUNNING);
		s.updateCard(new PaymentCard("pm_2", "MASTERCARD", "4444"), noon(2027, 2, 10), DUNNING);
		assertThat(s.cardNeedsUpdate()).isFalse();
		assertThat(s.card().token()).isEqualTo("pm_2");
		assertThat(last(s).cause()).isEqualTo("CARD_UPDATED");
		assertThat(last(s).detail()).isEqualTo("MASTERCARD 4444");
		assertThat(s.nextAttemptAt()).isEqualTo(due.plus(Duration.ofDays(1)));
	}

	@Test
	void overdueStopsAccessAndEveryFurtherDueDateAddsAnUnpaidRecurrenceUntilTheFifthCancels() {
		Subscription s = boughtOnJanuary10();
		s.declined(DeclineReason.INSUFFICIENT_FUNDS, midnight(2027, 2, 10), DUNNING);
		declineEveryRetry(s, DeclineReason.INSUFFICIENT_FUNDS);
		s.goOverdue(midnight(2027, 2, 20), DUNNING);
		assertThat(s.status()).isEqualTo(SubscriptionStatus.OVERDUE);
		assertThat(s.overdueSince()).isEqualTo(midnight(2027, 2, 10));
		assertThat(s.nextAttemptAt()).isEqualTo(midnight(2027, 3, 10));
		assertThat(s.due(midnight(2027, 3, 10).minusSeconds(1), DUNNING)).isEqualTo(Subscription.Step.NOTHING);

		int[][] dueDates = { { 3, 10 }, { 4, 10 }, { 5, 10 } };
		for (int i = 0; i < dueDates.length; i++) {
			Instant at = midnight(2027, dueDates[i][0], dueDates[i][1]);
			assertThat(s.due(at, DUNNING)).isEqualTo(Subscription.Step.COUNT_UNPAID);
			s.countUnpaid(at, DUNNING);
			assertThat(s.status()).isEqualTo(SubscriptionStatus.OVERDUE);
			assertThat(s.unpaidCount()).isEqualTo(i + 2);
			assertThat(last(s).cause()).isEqualTo("RECURRENCE_UNPAID");
		}
		assertThat(s.unpaidDueDates()).containsExactly(LocalDate.of(2027, 2, 10), LocalDate.of(2027, 3, 10),
				LocalDate.of(2027, 4, 10), LocalDate.of(2027, 5, 10));
		assertThat(s.currentRecurrence()).isEqualTo(1);
		assertThat(s.nextAttemptAt()).isEqualTo(midnight(2027, 6, 10));

		s.countUnpaid(midnight(2027, 6, 10), DUNNING);
		assertThat(s.status()).isEqualTo(SubscriptionStatus.CANCELLED_BY_ADMIN);
		assertThat(s.unpaidCount()).isEqualTo(5);
		assertThat(last(s).cause()).isEqualTo("UNPAID_RECURRENCES");
		assertThat(last(s).actor()).isEqualTo(Actor.SYSTEM);
		assertThat(s.cancelledAt()).isEqualTo(midnight(2027, 6, 10));
		assertThat(s.accessUntil()).isEqualTo(midnight(2027, 6, 10));
		assertThat(s.givesAccess(midnight(2027, 6, 10), DUNNING)).isFalse();
		assertThat(s.nextAttemptAt()).isNull();
	}

	@Test
	void payingTheOverdueRecurrencesOldestFirstRestoresActiveOnlyWithTheLast() {
		Subscription s = boughtOnJanuary10();
		s.declined(DeclineReason.STOLEN_CARD, midnight(2027, 2, 10), DUNNING);
		s.goOverdue(midnight(2027, 2, 20), DUNNING);
		s.countUnpaid(midnight(2027, 3, 10), DUNNING);
		assertThat(s.unpaidCount()).isEqualTo(2);

		s.updateCard(new PaymentCard("pm_2", "VISA", "4242"), noon(2027, 3, 20), DUNNING);
		s.paid(2, "HP2", Actor.BUYER, noon(2027, 3, 20), DUNNING);
		assertThat(s.status()).isEqualTo(SubscriptionStatus.OVERDUE);
		assertThat(s.unpaidCount()).isEqualTo(1);
		assertThat(s.overdueSince()).isEqualTo(midnight(2027, 3, 10));
		assertThat(s.givesAccess(noon(2027, 3, 20), DUNNING)).isFalse();
		assertThat(last(s).cause()).isEqualTo("RECURRENCE_PAID");

		s.paid(3, "HP3", Actor.BUYER, noon(2027, 3, 20), DUNNING);
		assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(last(s).cause()).isEqualTo("RECOVERED");
		assertThat(last(s).actor()).isEqualTo(Actor.BUYER);
		assertThat(s.currentRecurrence()).isEqualTo(3);
		assertThat(s.unpaidCount()).isZero();
		assertThat(s.cardNeedsUpdate()).isFalse();
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2027, 4, 10));
		assertThat(s.givesAccess(noon(2027, 3, 20), DUNNING)).isTrue();
	}

	@Test
	void cancellingKeepsAccessToTheEndOfThePaidPeriodAndChargesNothingMore() {
		Subscription s = boughtOnJanuary10();
		s.cancel(Actor.BUYER, 42L, noon(2027, 1, 20), DUNNING);
		assertThat(s.status()).isEqualTo(SubscriptionStatus.CANCELLED_BY_CUSTOMER);
		assertThat(s.cancelledAt()).isEqualTo(noon(2027, 1, 20));
		assertThat(s.accessUntil()).isEqualTo(midnight(2027, 2, 10));
		assertThat(s.dateNextCharge()).as("the last moment of access").isEqualTo(midnight(2027, 2, 10));
		assertThat(s.givesAccess(midnight(2027, 2, 10).minusSeconds(1), DUNNING)).isTrue();
		assertThat(s.givesAccess(midnight(2027, 2, 10), DUNNING)).isFalse();
		assertThat(s.nextAttemptAt()).isNull();
		assertThat(s.due(midnight(2027, 2, 10), DUNNING)).isEqualTo(Subscription.Step.NOTHING);
		assertThat(last(s).cause()).isEqualTo("CANCELLED");
		assertThat(last(s).actor()).isEqualTo(Actor.BUYER);
		assertThat(last(s).actorAccountId()).isEqualTo(42L);
	}

	@Test
	void theCancelledStatusNamesWhoCancelled() {
		Subscription bySeller = boughtOnJanuary10();
		bySeller.cancel(Actor.PRODUCER, 7L, noon(2027, 1, 20), DUNNING);
		assertThat(bySeller.status()).isEqualTo(SubscriptionStatus.CANCELLED_BY_SELLER);
		Subscription byAdmin = boughtOnJanuary10();
		byAdmin.cancel(Actor.ADMIN, 1L, noon(2027, 1, 20), DUNNING);
		assertThat(byAdmin.status()).isEqualTo(SubscriptionStatus.CANCELLED_BY_ADMIN);
	}

	@Test
	void cancellingWithAChargeUnpaidEndsAccessAtOnce() {
		Subscription s = boughtOnJanuary10();
		s.declined(DeclineReason.INSUFFICIENT_FUNDS, midnight(2027, 2, 10), DUNNING);
		s.cancel(Actor.PRODUCER, 7L, noon(2027, 2, 12), DUNNING);
		assertThat(s.status()).isEqualTo(SubscriptionStatus.CANCELLED_BY_SELLER);
		assertThat(s.accessUntil()).isEqualTo(noon(2027, 2, 12));
		assertThat(s.givesAccess(noon(2027, 2, 12), DUNNING)).isFalse();
		assertThat(s.due(midnight(2027, 2, 14), DUNNING)).as("no more retries").isEqualTo(Subscription.Step.NOTHING);
	}

	@Test
	void aCancelledSubscriptionCannotBeCancelledAgain() {
		Subscription s = boughtOnJanuary10();
		s.cancel(Actor.BUYER, 42L, noon(2027, 1, 20), DUNNING);
		int changes = s.changes().size();
		assertThatThrownBy(() -> s.cancel(Actor.PRODUCER, 7L, noon(2027, 1, 21), DUNNING))
			.isInstanceOfSatisfying(SubscriptionRefused.class,
					(e) -> assertThat(e.reason()).isEqualTo(SubscriptionRefused.Reason.ALREADY_CANCELLED))
			.hasMessageContaining("CANCELLED_BY_CUSTOMER");
		assertThat(s.status()).isEqualTo(SubscriptionStatus.CANCELLED_BY_CUSTOMER);
		assertThat(s.changes()).hasSize(changes);
	}

	@Test
	void reactivatingBeforeThePaidPeriodEndsUndoesTheCancellationOnTheSameDates() {
		Subscription s = boughtOnJanuary10();
		s.cancel(Actor.BUYER, 42L, noon(2027, 1, 20), DUNNING);
		s.reactivate(null, null, Actor.BUYER, 42L, noon(2027, 1, 25), DUNNING);
		assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(last(s).cause()).isEqualTo("REACTIVATED");
		assertThat(last(s).from()).isEqualTo(SubscriptionStatus.CANCELLED_BY_CUSTOMER);
		assertThat(s.currentRecurrence()).isEqualTo(1);
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2027, 2, 10));
		assertThat(s.nextAttemptAt()).isEqualTo(midnight(2027, 2, 10));
		assertThat(s.cancelledAt()).isNull();
		assertThat(s.accessUntil()).isNull();
		assertThat(s.dateNextCharge()).isEqualTo(midnight(2027, 2, 10));
	}

	@Test
	void reactivatingWithAChargeAfterThePaidPeriodPaysTheNextRecurrenceAndKeepsTheDueDay() {
		Subscription s = boughtOnJanuary10();
		s.cancel(Actor.BUYER, 42L, noon(2027, 1, 20), DUNNING);
		s.reactivate(2, "HP2", Actor.BUYER, 42L, noon(2027, 3, 3), DUNNING);
		assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(s.currentRecurrence()).isEqualTo(2);
		assertThat(s.dueDay()).isEqualTo(10);
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2027, 3, 10));
		assertThat(s.givesAccess(noon(2027, 3, 3), DUNNING)).isTrue();
		assertThat(last(s).detail()).contains("recurrence 2 HP2");
	}

	@Test
	void reactivatingWithoutAChargeAfterThePaidPeriodBillsOnTheNextDueDate() {
		Subscription s = boughtOnJanuary10();
		s.cancel(Actor.PRODUCER, 7L, noon(2027, 1, 20), DUNNING);
		s.reactivate(null, null, Actor.BUYER, 42L, noon(2027, 3, 12), DUNNING);
		assertThat(s.currentRecurrence()).isEqualTo(1);
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2027, 4, 10));
		assertThat(last(s).detail()).isEqualTo("without a charge");
	}

	@Test
	void reactivatingAnOverdueSubscriptionSkipsItsUnpaidRecurrences() {
		Subscription s = boughtOnJanuary10();
		s.declined(DeclineReason.STOLEN_CARD, midnight(2027, 2, 10), DUNNING);
		s.goOverdue(midnight(2027, 2, 20), DUNNING);
		s.countUnpaid(midnight(2027, 3, 10), DUNNING);
		s.reactivate(null, null, Actor.BUYER, 42L, noon(2027, 3, 15), DUNNING);
		assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(s.currentRecurrence()).isEqualTo(3);
		assertThat(s.unpaidCount()).isZero();
		assertThat(s.overdueSince()).isNull();
		assertThat(s.failedAttempts()).isZero();
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2027, 4, 10));
	}

	@Test
	void anActiveOrDelayedSubscriptionCannotBeReactivated() {
		Subscription active = boughtOnJanuary10();
		assertThatThrownBy(() -> active.reactivate(null, null, Actor.BUYER, 42L, noon(2027, 1, 20), DUNNING))
			.isInstanceOfSatisfying(SubscriptionRefused.class,
					(e) -> assertThat(e.reason()).isEqualTo(SubscriptionRefused.Reason.ALREADY_ACTIVE))
			.hasMessageContaining("ACTIVE");
		assertThatThrownBy(() -> active.offerReactivation(true, Actor.PRODUCER, 7L, noon(2027, 1, 20), DUNNING))
			.isInstanceOf(SubscriptionRefused.class);
		Subscription delayed = boughtOnJanuary10();
		delayed.declined(DeclineReason.DECLINED, midnight(2027, 2, 10), DUNNING);
		assertThatThrownBy(() -> delayed.reactivate(null, null, Actor.BUYER, 42L, noon(2027, 2, 11), DUNNING))
			.isInstanceOf(SubscriptionRefused.class)
			.hasMessageContaining("DELAYED");
		assertThat(delayed.status()).isEqualTo(SubscriptionStatus.DELAYED);
	}

	@Test
	void aReactivationOfferLeavesTheStatusAndLastsThreeDays() {
		Subscription s = boughtOnJanuary10();
		s.cancel(Actor.PRODUCER, 7L, noon(2027, 1, 20), DUNNING);
		s.offerReactivation(true, Actor.PRODUCER, 7L, noon(2027, 3, 1), DUNNING);
		assertThat(s.status()).isEqualTo(SubscriptionStatus.CANCELLED_BY_SELLER);
		assertThat(s.reactivationCharge()).isTrue();
		assertThat(s.reactivationOffered(noon(2027, 3, 4).minusSeconds(1))).isTrue();
		assertThat(s.reactivationOffered(noon(2027, 3, 4))).isFalse();
		assertThat(last(s).cause()).isEqualTo("REACTIVATION_OFFERED");
		s.reactivate(2, "HP2", Actor.BUYER, 42L, noon(2027, 3, 2), DUNNING);
		assertThat(s.reactivationOfferedAt()).isNull();
		assertThat(s.reactivationOffered(noon(2027, 3, 2))).isFalse();
	}

	@Test
	void aNewDueDayAppliesAfterTheNextCharge() {
		Subscription s = boughtOnJanuary10();
		s.changeDueDay(25, Actor.BUYER, 42L, noon(2027, 1, 20), DUNNING);
		assertThat(s.dueDay()).isEqualTo(10);
		assertThat(s.pendingDueDay()).isEqualTo(25);
		assertThat(s.nextChargeDate()).as("the next charge stays").isEqualTo(LocalDate.of(2027, 2, 10));
		assertThat(s.nextAttemptAt()).isEqualTo(midnight(2027, 2, 10));
		assertThat(last(s).cause()).isEqualTo("DUE_DAY_CHANGED");
		assertThat(last(s).detail()).isEqualTo("10 -> 25");
		assertThat(last(s).from()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(last(s).to()).isEqualTo(SubscriptionStatus.ACTIVE);

		s.paid(2, "HP2", Actor.SYSTEM, midnight(2027, 2, 10), DUNNING);
		assertThat(s.dueDay()).isEqualTo(25);
		assertThat(s.pendingDueDay()).isNull();
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2027, 3, 25));
		s.paid(3, "HP3", Actor.SYSTEM, midnight(2027, 3, 25), DUNNING);
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2027, 4, 25));
	}

	@Test
	void thePeriodPaidWhenTheDueDayChangesRunsFromTheOldDayToTheNewAndUpgradesProrateOverIt() {
		Subscription s = boughtOnJanuary10();
		s.changeDueDay(25, Actor.BUYER, 42L, noon(2027, 1, 20), DUNNING);
		s.paid(2, "HP2", Actor.SYSTEM, midnight(2027, 2, 10), DUNNING);
		assertThat(s.periodStartDate()).isEqualTo(LocalDate.of(2027, 2, 10));
		assertThat(s.periodStart()).isEqualTo(midnight(2027, 2, 10));
		assertThat(s.nextChargeAt()).isEqualTo(midnight(2027, 3, 25));
		// on March 4th at midnight, 21 of the 43 days are left
		PlanSwitchQuote quote = PlanSwitchQuote.of(MONTHLY.price(), MONTHLY.period(), MONTHLY_PLUS.price(),
				MONTHLY_PLUS.period(), s.periodStart(), s.nextChargeAt(), midnight(2027, 3, 4), false);
		assertThat(quote.chargeNow()).isEqualTo(Money.of(1465, "BRL"));
		s.paid(3, "HP3", Actor.SYSTEM, midnight(2027, 3, 25), DUNNING);
		assertThat(s.periodStart()).isEqualTo(midnight(2027, 3, 25));
	}

	@Test
	void aChargeUnderWayWhenTheSubscriptionWasCancelledGivesThePeriodItPaid() {
		Subscription s = boughtOnJanuary10();
		// the renewal charged at midnight; the buyer cancelled before its answer was
		// recorded
		s.cancel(Actor.BUYER, 42L, midnight(2027, 2, 10).plusSeconds(2), DUNNING);
		assertThat(s.accessUntil()).isEqualTo(midnight(2027, 2, 10).plusSeconds(2));
		assertThat(s.paidAfterCancellation(3, "HP3", midnight(2027, 2, 10).plusSeconds(3), DUNNING)).isFalse();
		assertThat(s.paidAfterCancellation(2, "HP2", midnight(2027, 2, 10).plusSeconds(3), DUNNING)).isTrue();
		assertThat(s.status()).isEqualTo(SubscriptionStatus.CANCELLED_BY_CUSTOMER);
		assertThat(s.currentRecurrence()).isEqualTo(2);
		assertThat(s.accessUntil()).isEqualTo(midnight(2027, 3, 10));
		assertThat(s.dateNextCharge()).isEqualTo(midnight(2027, 3, 10));
		assertThat(s.givesAccess(noon(2027, 3, 9), DUNNING)).isTrue();
		assertThat(s.nextAttemptAt()).isNull();
		assertThat(last(s).cause()).isEqualTo("PAID_AFTER_CANCELLATION");
		assertThat(s.paidAfterCancellation(2, "HP2", midnight(2027, 2, 10).plusSeconds(4), DUNNING)).isFalse();
		assertThat(boughtOnJanuary10().paidAfterCancellation(2, "HP2", midnight(2027, 2, 10), DUNNING))
			.as("not cancelled")
			.isFalse();
	}

	@Test
	void aDueDayOf31AppliesAsTheLastDayOfFebruary() {
		Subscription s = start(MONTHLY, noon(2027, 1, 5));
		s.changeDueDay(31, Actor.PRODUCER, 7L, noon(2027, 1, 20), DUNNING);
		s.paid(2, "HP2", Actor.SYSTEM, midnight(2027, 2, 5), DUNNING);
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2027, 3, 31));
		s.paid(3, "HP3", Actor.SYSTEM, midnight(2027, 3, 31), DUNNING);
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2027, 4, 30));

		Subscription december = start(MONTHLY, noon(2026, 12, 5));
		december.changeDueDay(31, Actor.PRODUCER, 7L, noon(2026, 12, 20), DUNNING);
		december.paid(2, "HP2", Actor.SYSTEM, midnight(2027, 1, 5), DUNNING);
		assertThat(december.nextChargeDate()).isEqualTo(LocalDate.of(2027, 2, 28));
		december.paid(3, "HP3", Actor.SYSTEM, midnight(2027, 2, 28), DUNNING);
		assertThat(december.nextChargeDate()).isEqualTo(LocalDate.of(2027, 3, 31));
	}

	@Test
	void theLastDueDayAskedWinsAndAskingTheCurrentOneCancelsTheChange() {
		Subscription s = boughtOnJanuary10();
		s.changeDueDay(25, Actor.BUYER, 42L, noon(2027, 1, 20), DUNNING);
		s.changeDueDay(15, Actor.BUYER, 42L, noon(2027, 1, 21), DUNNING);
		assertThat(s.pendingDueDay()).isEqualTo(15);
		assertThat(last(s).detail()).isEqualTo("25 -> 15");
		s.changeDueDay(10, Actor.BUYER, 42L, noon(2027, 1, 22), DUNNING);
		assertThat(s.pendingDueDay()).isNull();
		s.paid(2, "HP2", Actor.SYSTEM, midnight(2027, 2, 10), DUNNING);
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2027, 3, 10));
	}

	@Test
	void aDelayedSubscriptionMayChangeItsDueDayFromTheChargeAfterTheUnpaidOne() {
		Subscription s = boughtOnJanuary10();
		s.declined(DeclineReason.INSUFFICIENT_FUNDS, midnight(2027, 2, 10), DUNNING);
		s.changeDueDay(20, Actor.BUYER, 42L, noon(2027, 2, 10), DUNNING);
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2027, 2, 10));
		s.paid(2, "HP2", Actor.SYSTEM, midnight(2027, 2, 11), DUNNING);
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2027, 3, 20));
	}

	@Test
	void theDueDayChangeIsRefusedOutOfRangeDuringTheTrialAndWhenNotActive() {
		Subscription s = boughtOnJanuary10();
		for (int day : new int[] { 0, 32, -1 }) {
			assertThatThrownBy(() -> s.changeDueDay(day, Actor.PRODUCER, 7L, noon(2027, 1, 20), DUNNING))
				.isInstanceOfSatisfying(SubscriptionRefused.class,
						(e) -> assertThat(e.reason()).isEqualTo(SubscriptionRefused.Reason.INVALID_DUE_DAY))
				.hasMessageContaining(String.valueOf(day));
		}
		Subscription weekly = start(WEEKLY, noon(2027, 1, 6));
		assertThatThrownBy(() -> weekly.changeDueDay(8, Actor.PRODUCER, 7L, noon(2027, 1, 7), DUNNING))
			.isInstanceOf(SubscriptionRefused.class)
			.hasMessageContaining("1 to 7");
		weekly.changeDueDay(7, Actor.PRODUCER, 7L, noon(2027, 1, 7), DUNNING);
		assertThat(weekly.pendingDueDay()).isEqualTo(7);

		Subscription trial = start(TRIAL, noon(2027, 3, 10));
		assertThatThrownBy(() -> trial.changeDueDay(5, Actor.PRODUCER, 7L, noon(2027, 3, 11), DUNNING))
			.isInstanceOfSatisfying(SubscriptionRefused.class,
					(e) -> assertThat(e.reason()).isEqualTo(SubscriptionRefused.Reason.IN_TRIAL))
			.hasMessageContaining("trial");
		assertThat(trial.pendingDueDay()).isNull();

		Subscription overdue = boughtOnJanuary10();
		overdue.declined(DeclineReason.STOLEN_CARD, midnight(2027, 2, 10), DUNNING);
		overdue.goOverdue(midnight(2027, 2, 20), DUNNING);
		assertThatThrownBy(() -> overdue.changeDueDay(5, Actor.PRODUCER, 7L, noon(2027, 2, 21), DUNNING))
			.isInstanceOfSatisfying(SubscriptionRefused.class,
					(e) -> assertThat(e.reason()).isEqualTo(SubscriptionRefused.Reason.NOT_ACTIVE))
			.hasMessageContaining("OVERDUE");

		Subscription cancelled = boughtOnJanuary10();
		cancelled.cancel(Actor.BUYER, 42L, noon(2027, 1, 20), DUNNING);
		assertThatThrownBy(() -> cancelled.changeDueDay(5, Actor.PRODUCER, 7L, noon(2027, 1, 21), DUNNING))
			.isInstanceOf(SubscriptionRefused.class)
			.hasMessageContaining("CANCELLED_BY_CUSTOMER");
	}

	@Test
	void anUpgradeInTheSamePeriodAppliesNowOnTheSameDates() {
		Subscription s = boughtOnJanuary10();
		PlanSwitchQuote quote = PlanSwitchQuote.of(MONTHLY.price(), MONTHLY.period(), MONTHLY_PLUS.price(),
				MONTHLY_PLUS.period(), s.periodStart(), s.nextChargeAt(), noon(2027, 1, 25), false);
		assertThat(quote.kind()).isEqualTo(PlanSwitchQuote.Kind.UPGRADE);
		s.switchPlan(MONTHLY_PLUS, quote, Actor.BUYER, 42L, noon(2027, 1, 25), DUNNING);
		assertThat(s.plan()).isEqualTo(MONTHLY_PLUS);
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2027, 2, 10));
		assertThat(s.dueDay()).isEqualTo(10);
		assertThat(last(s).cause()).isEqualTo("PLAN_SWITCHED");
		assertThat(last(s).detail()).startsWith("MONTHLY1 -> MONTHPLU (UPGRADE");
	}

	@Test
	void anUpgradeToAnotherPeriodStartsANewPeriodToday() {
		Subscription s = boughtOnJanuary10();
		PlanSwitchQuote quote = PlanSwitchQuote.of(MONTHLY.price(), MONTHLY.period(), ANNUAL.price(), ANNUAL.period(),
				s.periodStart(), s.nextChargeAt(), noon(2027, 1, 25), false);
		assertThat(quote.newCycle()).isTrue();
		s.switchPlan(ANNUAL, quote, Actor.BUYER, 42L, noon(2027, 1, 25), DUNNING);
		assertThat(s.plan()).isEqualTo(ANNUAL);
		assertThat(s.dueDay()).isEqualTo(25);
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2028, 1, 25));
		assertThat(s.nextAttemptAt()).isEqualTo(midnight(2028, 1, 25));
		assertThat(s.currentRecurrence()).isEqualTo(1);
	}

	@Test
	void aDowngradeIsScheduledForTheNextRenewal() {
		Subscription s = boughtOnJanuary10();
		PlanSwitchQuote quote = PlanSwitchQuote.of(MONTHLY.price(), MONTHLY.period(), MONTHLY_LITE.price(),
				MONTHLY_LITE.period(), s.periodStart(), s.nextChargeAt(), noon(2027, 1, 25), false);
		s.switchPlan(MONTHLY_LITE, quote, Actor.BUYER, 42L, noon(2027, 1, 25), DUNNING);
		assertThat(s.plan()).isEqualTo(MONTHLY);
		assertThat(s.pendingOfferId()).isEqualTo(MONTHLY_LITE.offerId());
		assertThat(last(s).cause()).isEqualTo("PLAN_SWITCH_SCHEDULED");
		s.applyScheduledPlan(MONTHLY_LITE, midnight(2027, 2, 10), DUNNING);
		assertThat(s.plan()).isEqualTo(MONTHLY_LITE);
		assertThat(s.pendingOfferId()).isNull();
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2027, 2, 10));
		assertThat(last(s).cause()).isEqualTo("PLAN_SWITCHED");
	}

	@Test
	void aScheduledSwitchToAWeeklyPlanKeepsADayOfTheWeek() {
		Subscription s = start(MONTHLY, noon(2027, 1, 31));
		s.applyScheduledPlan(WEEKLY, midnight(2027, 2, 28), DUNNING);
		// 2027-02-28 is a Sunday
		assertThat(s.dueDay()).isEqualTo(7);
		s.paid(2, "HP2", Actor.SYSTEM, midnight(2027, 2, 28), DUNNING);
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2027, 3, 7));
	}

	@Test
	void duringTheTrialThePlanChangesForFree() {
		Subscription s = start(TRIAL, noon(2027, 3, 10));
		PlanSwitchQuote quote = PlanSwitchQuote.of(TRIAL.price(), TRIAL.period(), MONTHLY_PLUS.price(),
				MONTHLY_PLUS.period(), s.periodStart(), s.nextChargeAt(), noon(2027, 3, 12), s.inTrial());
		assertThat(quote.kind()).isEqualTo(PlanSwitchQuote.Kind.TRIAL_CHANGE);
		s.switchPlan(MONTHLY_PLUS, quote, Actor.BUYER, 42L, noon(2027, 3, 12), DUNNING);
		assertThat(s.plan()).isEqualTo(MONTHLY_PLUS);
		assertThat(s.inTrial()).isTrue();
		assertThat(s.nextChargeAt()).isEqualTo(midnight(2027, 3, 17));
	}

	@Test
	void aTrialMovedToAWeeklyPlanIsChargedWeeklyFromTheTrialsEnd() {
		Subscription s = start(TRIAL, noon(2027, 3, 10));
		PlanSwitchQuote quote = PlanSwitchQuote.of(TRIAL.price(), TRIAL.period(), WEEKLY.price(), WEEKLY.period(),
				s.periodStart(), s.nextChargeAt(), noon(2027, 3, 12), s.inTrial());
		s.switchPlan(WEEKLY, quote, Actor.BUYER, 42L, noon(2027, 3, 12), DUNNING);
		// the trial ends on Wednesday 2027-03-17
		assertThat(s.dueDay()).isEqualTo(3);
		s.paid(1, "HP1", Actor.SYSTEM, midnight(2027, 3, 17), DUNNING);
		assertThat(s.nextChargeDate()).isEqualTo(LocalDate.of(2027, 3, 24));
	}

	@Test
	void onlyAnActiveSubscriptionSwitchesPlan() {
		Subscription s = boughtOnJanuary10();
		s.declined(DeclineReason.DECLINED, midnight(2027, 2, 10), DUNNING);
		PlanSwitchQuote quote = PlanSwitchQuote.of(MONTHLY.price(), MONTHLY.period(), MONTHLY_PLUS.price(),
				MONTHLY_PLUS.period(), s.periodStart(), s.nextChargeAt(), noon(2027, 2, 11), false);
		assertThatThrownBy(() -> s.switchPlan(MONTHLY_PLUS, quote, Actor.BUYER, 42L, noon(2027, 2, 11), DUNNING))
			.isInstanceOfSatisfying(SubscriptionRefused.class,
					(e) -> assertThat(e.reason()).isEqualTo(SubscriptionRefused.Reason.NOT_ACTIVE))
			.hasMessageContaining("DELAYED");
		assertThat(s.plan()).isEqualTo(MONTHLY);
	}

	@Test
	void aLimitedPlanEndsInactiveWhenItsLastPeriodEnds() {
		Subscription s = start(THREE_CHARGES, noon(2027, 1, 10));
		s.paid(2, "HP2", Actor.SYSTEM, midnight(2027, 2, 10), DUNNING);
		s.paid(3, "HP3", Actor.SYSTEM, midnight(2027, 3, 10), DUNNING);
		assertThat(s.due(midnight(2027, 4, 10).minusSeconds(1), DUNNING)).isEqualTo(Subscription.Step.NOTHING);
		assertThat(s.due(midnight(2027, 4, 10), DUNNING)).isEqualTo(Subscription.Step.COMPLETE);
		s.complete(midnight(2027, 4, 10), DUNNING);
		assertThat(s.status()).isEqualTo(SubscriptionStatus.INACTIVE);
		assertThat(s.accessUntil()).isEqualTo(midnight(2027, 4, 10));
		assertThat(s.dateNextCharge()).isEqualTo(midnight(2027, 4, 10));
		assertThat(s.givesAccess(midnight(2027, 4, 10), DUNNING)).isFalse();
		assertThat(s.nextAttemptAt()).isNull();
		assertThatThrownBy(() -> s.cancel(Actor.BUYER, 42L, noon(2027, 4, 11), DUNNING))
			.isInstanceOf(SubscriptionRefused.class)
			.hasMessageContaining("INACTIVE");
	}

	@Test
	void stepsThatDoNotFitTheStatusAreRefusedWithIt() {
		Subscription s = boughtOnJanuary10();
		assertThatThrownBy(() -> s.goOverdue(noon(2027, 1, 20), DUNNING)).isInstanceOf(SubscriptionRefused.class)
			.hasMessageContaining("ACTIVE");
		assertThatThrownBy(() -> s.countUnpaid(noon(2027, 1, 20), DUNNING)).isInstanceOf(SubscriptionRefused.class)
			.hasMessageContaining("ACTIVE");
		s.cancel(Actor.BUYER, 42L, noon(2027, 1, 20), DUNNING);
		assertThatThrownBy(() -> s.declined(DeclineReason.DECLINED, noon(2027, 2, 10), DUNNING))
			.isInstanceOf(SubscriptionRefused.class)
			.hasMessageContaining("CANCELLED_BY_CUSTOMER");
		assertThatThrownBy(() -> s.paid(2, "HP2", Actor.SYSTEM, noon(2027, 2, 10), DUNNING))
			.isInstanceOf(SubscriptionRefused.class)
			.hasMessageContaining("CANCELLED_BY_CUSTOMER");
		assertThatThrownBy(() -> s.complete(noon(2027, 2, 10), DUNNING)).isInstanceOf(SubscriptionRefused.class)
			.hasMessageContaining("CANCELLED_BY_CUSTOMER");
	}

	@Test
	void aSubscriptionStoredAndRestoredIsTheSame() {
		Subscription s = boughtOnJanuary10();
		s.declined(DeclineReason.INSUFFICIENT_FUNDS, midnight(2027, 2, 10), DUNNING);
		Subscription copy = new Subscription(1L, s.code(), s.producerAccountId(), s.productId(), s.productName(),
				s.subscriber(), s.firstPurchaseId(), s.firstTransaction(), s.zone(), s.startedAt(), s.trialEndsAt());
		copy.restore(s.state());
		assertThat(copy.state()).isEqualTo(s.state());
		assertThat(copy.due(midnight(2027, 2, 11), DUNNING)).isEqualTo(Subscription.Step.CHARGE);
	}

}
