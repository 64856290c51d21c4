package io.atrium.subscriptions;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.atrium.catalog.BillingPeriod;
import io.atrium.catalog.Offer;
import io.atrium.checkout.DeclineReason;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.checkout.internal.SandboxCards;
import io.atrium.checkout.internal.SandboxGateway;
import io.atrium.platform.Dates;
import io.atrium.shared.Money;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Eventually;
import io.atrium.support.TestClock;
import io.atrium.support.TestMail;
import io.atrium.support.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Subscriptions taken through their life by the test clock and the renewal run, with real
 * checkouts on the sandbox gateway: trial, a year of renewals, soft and hard declines,
 * retries, recovery, overdue, the automatic cancellation after 5 unpaid recurrences,
 * cancel and reactivation, the due-day change (31 in February, daylight-saving changes,
 * 23:59 and 00:01 in the producer's zone) and plan switches with proration. Each step
 * asserts the purchases (one per recurrence) and the sandbox's charges, the status and
 * its history, the access the members area is told, the events and the buyer's e-mails.
 */
@AtriumIntegrationTest
class SubscriptionLifecycleIntegrationTests {

	static final java.util.Locale ENGLISH = java.util.Locale.ENGLISH;

	static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Subscriptions subscriptions;

	@Autowired
	SandboxGateway sandbox;

	@Autowired
	TestClock clock;

	@Autowired
	Renewals renewals;

	BillingShop shop;

	final List<Subscription> started = new ArrayList<>();

	@BeforeEach
	void shop() {
		this.shop = new BillingShop(this.context);
	}

	@AfterEach
	void reset() {
		// nothing of this test is charged while later tests move the clock
		for (Subscription s : this.started) {
			Subscription now = this.shop.reload(s);
			if (now.status().billable()) {
				this.subscriptions.cancel(BillingShop.ADMIN, s.code(), false);
			}
		}
		this.clock.reset();
	}

	static Instant local(ZoneId zone, int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(zone).toInstant();
	}

	static Instant midnight(ZoneId zone, int year, int month, int day) {
		return LocalDate.of(year, month, day).atStartOfDay(zone).toInstant();
	}

	Subscription subscribe(Offer offer, String email, String card) {
		Subscription s = this.shop.subscribe(offer, email, card);
		this.started.add(s);
		return s;
	}

	static Requester buyer(Subscription s) {
		return Requester.buyer(s.subscriber().accountId());
	}

	static Requester producer(Subscription s) {
		return Requester.producer(s.producerAccountId());
	}

	List<Integer> recurrences(Subscription s) {
		return this.shop.charges(s).stream().map(Purchase::recurrenceNumber).toList();
	}

	Purchase recurrence(Subscription s, int recurrence) {
		return this.shop.charges(s)
			.stream()
			.filter((p) -> p.recurrenceNumber() != null && p.recurrenceNumber() == recurrence)
			.findFirst()
			.orElseThrow(() -> new AssertionError("No purchase for recurrence " + recurrence));
	}

	List<String> causes(Subscription s) {
		return this.subscriptions.history(s).stream().map(SubscriptionChange::cause).toList();
	}

	static boolean access(Subscription s) {
		return RecordedSubscriptionEvents.access(s).orElseThrow().access();
	}

	static <T> List<T> events(Subscription s, Class<T> type) {
		return RecordedSubscriptionEvents.of(s, type);
	}

	static void mails(String email, int atLeast) {
		TestMail.awaitTo(email, atLeast, Duration.ofSeconds(30));
	}

	/** The student opens the lesson (the members area follows after the commit). */
	static void opens(WebClient student, String lesson) {
		WebClient.Page page = awaitPage(student, lesson,
				(p) -> p.status() == 200 && p.text().contains(BillingShop.LESSON));
		assertThat(page.text()).contains(BillingShop.LESSON);
	}

	/** The lesson is closed to the student, for a reason starting with the text. */
	static void closed(WebClient student, String lesson, String reason) {
		WebClient.Page page = awaitPage(student, lesson, (p) -> p.status() == 403
				&& p.document().select("#lock-reasons li").eachText().stream().anyMatch((r) -> r.startsWith(reason)));
		assertThat(page.status()).isEqualTo(403);
		assertThat(page.document().select("#lock-reasons li").eachText()).anyMatch((r) -> r.startsWith(reason));
		assertThat(page.text()).doesNotContain(BillingShop.LESSON);
	}

	private static WebClient.Page awaitPage(WebClient student, String lesson,
			java.util.function.Predicate<WebClient.Page> expected) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		WebClient.Page page = student.get(lesson);
		while (!expected.test(page) && Instant.now().isBefore(deadline)) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			page = student.get(lesson);
		}
		return page;
	}

	static String overdueSince(Instant due) {
		return "The subscription has been overdue since " + Dates.show(due, SAO_PAULO, ENGLISH);
	}

	static String accessEnded(Instant until) {
		return "The subscription was cancelled; access ended on " + Dates.show(until, SAO_PAULO, ENGLISH);
	}

	@Test
	void aTrialChargesNothingUntilItEndsAt00h01ThenAYearOfRenewalsChargesEachMonthOnce() {
		this.clock.set(local(SAO_PAULO, 2027, 1, 10, 12, 0));
		BillingShop.Club club = this.shop.monthlyClub("America/Sao_Paulo", 4990, 7);
		String email = BillingShop.unique("trial");
		WebClient student = this.shop.student(email, this.port);
		Subscription s = subscribe(club.plan(), email, SandboxCards.APPROVED);
		opens(student, club.lesson());
		assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(s.inTrial()).isTrue();
		assertThat(s.currentRecurrence()).isZero();
		assertThat(s.trialEndsAt()).isEqualTo(midnight(SAO_PAULO, 2027, 1, 17));
		assertThat(s.card()).isNotNull();
		Purchase signUp = this.shop.charges(s).get(0);
		assertThat(signUp.recurrenceNumber()).isZero();
		assertThat(signUp.terms().price()).isEqualTo(Money.of(0, "BRL"));
		assertThat(signUp.status()).isEqualTo(PurchaseStatus.APPROVED);
		assertThat(this.shop.sandboxCharges(signUp)).as("the card verified, nothing charged")
			.containsExactly("APPROVED 0");
		assertThat(access(s)).isTrue();
		assertThat(events(s, SubscriptionEvents.Started.class)).singleElement()
			.satisfies((e) -> assertThat(e.trial()).isTrue());
		mails(email, 1);

		// the due day may not change during the trial; nothing changes
		assertThatThrownBy(() -> this.subscriptions.changeDueDay(buyer(s), s.code(), 20)).isInstanceOfSatisfying(
				SubscriptionRefused.class,
				(e) -> assertThat(e.reason()).isEqualTo(SubscriptionRefused.Reason.IN_TRIAL));
		assertThat(this.shop.reload(s).pendingDueDay()).isNull();

		Subscription eve = this.shop.renewAt(s, local(SAO_PAULO, 2027, 1, 16, 23, 59));
		assertThat(eve.currentRecurrence()).isZero();
		assertThat(recurrences(s)).containsExactly(0);

		Subscription converted = this.shop.renewAt(s, local(SAO_PAULO, 2027, 1, 17, 0, 1));
		assertThat(converted.currentRecurrence()).isEqualTo(1);
		assertThat(converted.inTrial()).isFalse();
		assertThat(converted.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(converted.nextChargeDate()).isEqualTo(LocalDate.of(2027, 2, 17));
		assertThat(recurrences(s)).containsExactly(0, 1);
		Purchase first = recurrence(s, 1);
		assertThat(first.status()).isEqualTo(PurchaseStatus.APPROVED);
		assertThat(first.terms().price()).isEqualTo(Money.of(4990, "BRL"));
		assertThat(this.shop.sandboxCharges(first)).containsExactly("APPROVED 4990");
		assertThat(causes(s)).containsExactly("TRIAL_STARTED", "TRIAL_CONVERTED");
		assertThat(access(s)).isTrue();
		opens(student, club.lesson());

		// another run at the same moment charges nothing
		this.shop.renew(s);
		assertThat(recurrences(s)).containsExactly(0, 1);

		Subscription renewed = converted;
		for (int r = 2; r <= 12; r++) {
			renewed = this.shop.renewAt(s, renewed.nextChargeAt().plus(Duration.ofMinutes(1)));
			assertThat(renewed.currentRecurrence()).isEqualTo(r);
			assertThat(renewed.status()).isEqualTo(SubscriptionStatus.ACTIVE);
			Purchase charge = recurrence(s, r);
			assertThat(charge.status()).isEqualTo(PurchaseStatus.APPROVED);
			assertThat(this.shop.sandboxCharges(charge)).containsExactly("APPROVED 4990");
		}
		assertThat(renewed.nextChargeDate()).isEqualTo(LocalDate.of(2028, 1, 17));
		assertThat(recurrences(s)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
		assertThat(this.shop.approvedSandboxCharges(s)).isEqualTo(13);
		assertThat(events(s, SubscriptionEvents.Charged.class)).extracting(SubscriptionEvents.Charged::recurrence)
			.containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
		assertThat(causes(s)).hasSize(13).endsWith("RENEWED");
		assertThat(access(s)).isTrue();
		assertThat(events(s, SubscriptionAccessChanged.class))
			.as("told once: neither the trial's end nor a renewal changes the right the members area keeps")
			.hasSize(1);
		// the purchase e-mail and a receipt per charge
		mails(email, 13);
	}

	@Test
	void cancellingDuringTheTrialChargesNothingAndAccessEndsWithTheTrial() {
		this.clock.set(local(SAO_PAULO, 2027, 2, 1, 12, 0));
		BillingShop.Club club = this.shop.monthlyClub("America/Sao_Paulo", 2990, 14);
		String email = BillingShop.unique("trialcancel");
		WebClient student = this.shop.student(email, this.port);
		Subscription s = subscribe(club.plan(), email, SandboxCards.APPROVED);
		this.clock.set(local(SAO_PAULO, 2027, 2, 5, 9, 0));
		Subscription cancelled = this.subscriptions.cancel(buyer(s), s.code(), true);
		assertThat(cancelled.status()).isEqualTo(SubscriptionStatus.CANCELLED_BY_CUSTOMER);
		Instant trialEnd = midnight(SAO_PAULO, 2027, 2, 15);
		assertThat(cancelled.accessUntil()).isEqualTo(trialEnd);
		assertThat(cancelled.dateNextCharge()).isEqualTo(trialEnd);
		SubscriptionAccessChanged told = RecordedSubscriptionEvents.access(s).orElseThrow();
		assertThat(told.access()).isTrue();
		assertThat(told.accessUntil()).isEqualTo(trialEnd);
		assertThat(told.status()).isEqualTo(SubscriptionStatus.CANCELLED_BY_CUSTOMER);
		assertThat(events(s, SubscriptionEvents.Cancelled.class)).singleElement().satisfies((e) -> {
			assertThat(e.actor()).isEqualTo(Actor.BUYER);
			assertThat(e.sendMail()).isTrue();
			assertThat(e.accessUntil()).isEqualTo(trialEnd);
		});

		opens(student, club.lesson());
		this.shop.renewAt(s, trialEnd.plus(Duration.ofMinutes(1)));
		closed(student, club.lesson(), accessEnded(trialEnd));
		this.shop.renewAt(s, midnight(SAO_PAULO, 2027, 4, 15).plus(Duration.ofMinutes(1)));
		assertThat(recurrences(s)).containsExactly(0);
		assertThat(this.shop.sandboxCharges(this.shop.charges(s).get(0))).containsExactly("APPROVED 0");
		assertThat(this.shop.reload(s).status()).isEqualTo(SubscriptionStatus.CANCELLED_BY_CUSTOMER);
		assertThat(causes(s)).containsExactly("TRIAL_STARTED", "CANCELLED");
		assertThat(events(s, SubscriptionEvents.Charged.class)).isEmpty();
		// the purchase e-mail and the cancellation
		mails(email, 2);
	}

	@Test
	void aSoftDeclineIsDelayedWithAccessRetriedAndRecoveredByARetryOnItsOriginalDates() {
		this.clock.set(local(SAO_PAULO, 2027, 3, 10, 12, 0));
		BillingShop.Club club = this.shop.monthlyClub("America/Sao_Paulo", 3000, 0);
		String email = BillingShop.unique("soft");
		WebClient student = this.shop.student(email, this.port);
		Subscription s = subscribe(club.plan(), email, SandboxCards.RENEWAL_INSUFFICIENT_FUNDS);
		assertThat(recurrences(s)).containsExactly(1);
		Instant due = midnight(SAO_PAULO, 2027, 4, 10);

		Subscription delayed = this.shop.renewAt(s, due.plus(Duration.ofMinutes(1)));
		assertThat(delayed.status()).isEqualTo(SubscriptionStatus.DELAYED);
		assertThat(delayed.unpaidCount()).isEqualTo(1);
		assertThat(delayed.failedAttempts()).isEqualTo(1);
		assertThat(delayed.lastDecline()).isEqualTo(DeclineReason.INSUFFICIENT_FUNDS);
		assertThat(delayed.cardNeedsUpdate()).isFalse();
		assertThat(delayed.overdueSince()).isEqualTo(due);
		Purchase unpaid = recurrence(s, 2);
		assertThat(unpaid.status()).isEqualTo(PurchaseStatus.OVERDUE);
		assertThat(unpaid.terms().price()).isEqualTo(Money.of(3000, "BRL"));
		assertThat(this.shop.sandboxCharges(unpaid)).containsExactly("DECLINED 3000");
		SubscriptionAccessChanged told = RecordedSubscriptionEvents.access(s).orElseThrow();
		assertThat(told.access()).as("the default grace keeps access while DELAYED").isTrue();
		assertThat(told.status()).isEqualTo(SubscriptionStatus.DELAYED);
		assertThat(told.overdueSince()).isEqualTo(due);
		opens(student, club.lesson());
		assertThat(events(s, SubscriptionEvents.ChargeFailed.class)).singleElement().satisfies((e) -> {
			assertThat(e.recurrence()).isEqualTo(2);
			assertThat(e.reason()).isEqualTo(DeclineReason.INSUFFICIENT_FUNDS);
			assertThat(e.retryAt()).isEqualTo(due.plus(Duration.ofDays(1)));
			assertThat(e.accessEndsAt()).isEqualTo(due.plus(Duration.ofDays(10)));
		});

		// nothing before the first retry
		this.shop.renewAt(s, due.plus(Duration.ofDays(1)).minus(Duration.ofMinutes(1)));
		assertThat(this.shop.sandboxCharges(unpaid)).hasSize(1);

		Subscription retried = this.shop.renewAt(s, due.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(1)));
		assertThat(retried.status()).isEqualTo(SubscriptionStatus.DELAYED);
		assertThat(retried.failedAttempts()).isEqualTo(2);
		assertThat(this.shop.sandboxCharges(unpaid)).containsExactly("DECLINED 3000", "DECLINED 3000");
		assertThat(events(s, SubscriptionEvents.ChargeFailed.class)).last()
			.satisfies((e) -> assertThat(e.retryAt()).isEqualTo(due.plus(Duration.ofDays(4))));

		// the buyer's bank approves again
		assertThat(this.sandbox.setBehaviour(s.card().token(), null)).isTrue();
		Subscription recovered = this.shop.renewAt(s, due.plus(Duration.ofDays(4)).plus(Duration.ofMinutes(1)));
		assertThat(recovered.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(recovered.currentRecurrence()).isEqualTo(2);
		assertThat(recovered.unpaidCount()).isZero();
		assertThat(recovered.nextChargeDate()).as("the original due day").isEqualTo(LocalDate.of(2027, 5, 10));
		assertThat(recurrence(s, 2).status()).isEqualTo(PurchaseStatus.APPROVED);
		assertThat(this.shop.sandboxCharges(unpaid)).containsExactly("DECLINED 3000", "DECLINED 3000", "APPROVED 3000");
		assertThat(recurrences(s)).containsExactly(1, 2);
		assertThat(causes(s)).containsExactly("PURCHASE_APPROVED", "CHARGE_DECLINED", "CHARGE_DECLINED", "RECOVERED");
		assertThat(access(s)).isTrue();
		opens(student, club.lesson());
		assertThat(events(s, SubscriptionEvents.Charged.class)).extracting(SubscriptionEvents.Charged::recurrence)
			.containsExactly(2);
		// the purchase e-mail, two failures and the receipt
		mails(email, 4);

		Subscription next = this.shop.renewAt(s, midnight(SAO_PAULO, 2027, 5, 10).plus(Duration.ofMinutes(1)));
		assertThat(next.currentRecurrence()).isEqualTo(3);
		assertThat(this.shop.sandboxCharges(recurrence(s, 3))).containsExactly("APPROVED 3000");
	}

	@Test
	void softDeclinesExhaustTheRetriesThenOverdueEndsAccessAndTheFifthUnpaidRecurrenceCancels() {
		this.clock.set(local(SAO_PAULO, 2027, 5, 10, 12, 0));
		BillingShop.Club club = this.shop.monthlyClub("America/Sao_Paulo", 3000, 0);
		this.subscriptions.saveDunning(club.producer(), new DunningSchedule(List.of(1, 3, 3, 3), false));
		String email = BillingShop.unique("unpaid");
		WebClient student = this.shop.student(email, this.port);
		Subscription s = subscribe(club.plan(), email, SandboxCards.RENEWAL_PROCESSING_ERROR);
		opens(student, club.lesson());
		Instant due = midnight(SAO_PAULO, 2027, 6, 10);

		Subscription delayed = this.shop.renewAt(s, due.plus(Duration.ofMinutes(1)));
		assertThat(delayed.status()).isEqualTo(SubscriptionStatus.DELAYED);
		assertThat(access(s)).as("no grace: DELAYED gives no access").isFalse();
		closed(student, club.lesson(), overdueSince(due));
		for (int days : new int[] { 1, 4, 7 }) {
			Subscription retried = this.shop.renewAt(s, due.plus(Duration.ofDays(days)).plus(Duration.ofMinutes(1)));
			assertThat(retried.status()).isEqualTo(SubscriptionStatus.DELAYED);
		}
		// the fourth retry, the last, ends the window
		Subscription overdue = this.shop.renewAt(s, due.plus(Duration.ofDays(10)).plus(Duration.ofMinutes(1)));
		assertThat(overdue.status()).isEqualTo(SubscriptionStatus.OVERDUE);
		assertThat(overdue.failedAttempts()).isEqualTo(5);
		assertThat(overdue.overdueSince()).isEqualTo(due);
		assertThat(this.shop.sandboxCharges(recurrence(s, 2))).hasSize(5).allMatch((c) -> c.startsWith("DECLINED"));
		assertThat(access(s)).isFalse();
		closed(student, club.lesson(), overdueSince(due));
		assertThat(events(s, SubscriptionEvents.WentOverdue.class)).singleElement()
			.satisfies((e) -> assertThat(e.overdueSince()).isEqualTo(due));
		assertThat(events(s, SubscriptionEvents.ChargeFailed.class)).hasSize(5)
			.extracting(SubscriptionEvents.ChargeFailed::retryAt)
			.containsExactly(due.plus(Duration.ofDays(1)), due.plus(Duration.ofDays(4)), due.plus(Duration.ofDays(7)),
					due.plus(Duration.ofDays(10)), null);

		// each further due date adds an unpaid recurrence, charging nothing
		int[] months = { 7, 8, 9 };
		for (int i = 0; i < months.length; i++) {
			Subscription unpaid = this.shop.renewAt(s,
					midnight(SAO_PAULO, 2027, months[i], 10).plus(Duration.ofMinutes(1)));
			assertThat(unpaid.status()).isEqualTo(SubscriptionStatus.OVERDUE);
			assertThat(unpaid.unpaidCount()).isEqualTo(i + 2);
		}
		assertThat(recurrences(s)).containsExactly(1, 2);
		Subscription cancelled = this.shop.renewAt(s, midnight(SAO_PAULO, 2027, 10, 10).plus(Duration.ofMinutes(1)));
		assertThat(cancelled.status()).isEqualTo(SubscriptionStatus.CANCELLED_BY_ADMIN);
		assertThat(cancelled.unpaidCount()).isEqualTo(5);
		assertThat(cancelled.nextAttemptAt()).isNull();
		assertThat(access(s)).isFalse();
		closed(student, club.lesson(), "The subscription was cancelled");
		assertThat(events(s, SubscriptionEvents.Cancelled.class)).singleElement()
			.satisfies((e) -> assertThat(e.actor()).isEqualTo(Actor.SYSTEM));
		assertThat(causes(s)).containsExactly("PURCHASE_APPROVED", "CHARGE_DECLINED", "CHARGE_DECLINED",
				"CHARGE_DECLINED", "CHARGE_DECLINED", "CHARGE_DECLINED", "RETRIES_EXHAUSTED", "RECURRENCE_UNPAID",
				"RECURRENCE_UNPAID", "RECURRENCE_UNPAID", "UNPAID_RECURRENCES");
		Eventually.until("the unpaid recurrence is dropped",
				() -> recurrence(s, 2).status() == PurchaseStatus.CANCELLED);

		this.shop.renewAt(s, midnight(SAO_PAULO, 2027, 11, 10).plus(Duration.ofMinutes(1)));
		assertThat(recurrences(s)).containsExactly(1, 2);
		assertThat(this.shop.approvedSandboxCharges(s)).isEqualTo(1);
		// the purchase e-mail, five failures, overdue and the cancellation
		mails(email, 8);
	}

	@Test
	void aHardDeclineIsNotRetriedGoesOverdueAndANewCardPaysEverythingUnpaidAtOnce() {
		this.clock.set(local(SAO_PAULO, 2027, 6, 15, 12, 0));
		BillingShop.Club club = this.shop.monthlyClub("America/Sao_Paulo", 3000, 0);
		String email = BillingShop.unique("hard");
		WebClient student = this.shop.student(email, this.port);
		Subscription s = subscribe(club.plan(), email, SandboxCards.RENEWAL_STOLEN_CARD);
		Instant due = midnight(SAO_PAULO, 2027, 7, 15);

		Subscription delayed = this.shop.renewAt(s, due.plus(Duration.ofMinutes(1)));
		assertThat(delayed.status()).isEqualTo(SubscriptionStatus.DELAYED);
		assertThat(delayed.cardNeedsUpdate()).isTrue();
		assertThat(delayed.lastDecline()).isEqualTo(DeclineReason.STOLEN_CARD);
		assertThat(events(s, SubscriptionEvents.ChargeFailed.class)).singleElement()
			.satisfies((e) -> assertThat(e.retryAt()).as("not retried").isNull());
		for (int days : new int[] { 1, 4, 7 }) {
			this.shop.renewAt(s, due.plus(Duration.ofDays(days)).plus(Duration.ofMinutes(1)));
		}
		assertThat(this.shop.sandboxCharges(recurrence(s, 2))).containsExactly("DECLINED 3000");
		assertThat(this.shop.reload(s).status()).isEqualTo(SubscriptionStatus.DELAYED);

		Subscription overdue = this.shop.renewAt(s, due.plus(Duration.ofDays(10)).plus(Duration.ofMinutes(1)));
		assertThat(overdue.status()).isEqualTo(SubscriptionStatus.OVERDUE);
		assertThat(access(s)).isFalse();
		closed(student, club.lesson(), overdueSince(due));
		Subscription twice = this.shop.renewAt(s, midnight(SAO_PAULO, 2027, 8, 15).plus(Duration.ofMinutes(1)));
		assertThat(twice.unpaidCount()).isEqualTo(2);
		assertThat(twice.unpaidDueDates()).containsExactly(LocalDate.of(2027, 7, 15), LocalDate.of(2027, 8, 15));

		// the stolen card may not pay: refused, nothing changes
		this.clock.set(local(SAO_PAULO, 2027, 8, 20, 12, 0));
		assertThatThrownBy(() -> this.subscriptions.payOverdue(buyer(s), s.code(), null)).isInstanceOfSatisfying(
				SubscriptionRefused.class,
				(e) -> assertThat(e.reason()).isEqualTo(SubscriptionRefused.Reason.CARD_DECLINED));
		assertThat(this.shop.reload(s).status()).isEqualTo(SubscriptionStatus.OVERDUE);
		assertThat(this.shop.reload(s).unpaidCount()).isEqualTo(2);

		// a new card on My subscriptions pays both recurrences and is kept
		Subscription recovered = this.subscriptions.updateCard(buyer(s), s.code(),
				BillingShop.card(SandboxCards.APPROVED));
		assertThat(recovered.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(recovered.currentRecurrence()).isEqualTo(3);
		assertThat(recovered.unpaidCount()).isZero();
		assertThat(recovered.cardNeedsUpdate()).isFalse();
		assertThat(recovered.card().last4()).isEqualTo("1111");
		assertThat(recovered.card().token()).isNotEqualTo(s.card().token());
		assertThat(recovered.nextChargeDate()).isEqualTo(LocalDate.of(2027, 9, 15));
		assertThat(access(s)).as("access back at once").isTrue();
		opens(student, club.lesson());
		assertThat(recurrences(s)).containsExactly(1, 2, 3);
		assertThat(this.shop.sandboxCharges(recurrence(s, 2))).containsExactly("DECLINED 3000", "DECLINED 3000",
				"APPROVED 3000");
		assertThat(this.shop.sandboxCharges(recurrence(s, 3))).containsExactly("APPROVED 3000");
		assertThat(events(s, SubscriptionEvents.Charged.class)).extracting(SubscriptionEvents.Charged::recurrence)
			.containsExactly(2, 3);
		assertThat(causes(s)).containsSubsequence("CHARGE_DECLINED", "RETRIES_EXHAUSTED", "RECURRENCE_UNPAID",
				"CARD_UPDATED", "RECURRENCE_PAID", "RECOVERED");

		Subscription renewed = this.shop.renewAt(s, midnight(SAO_PAULO, 2027, 9, 15).plus(Duration.ofMinutes(1)));
		assertThat(renewed.currentRecurrence()).isEqualTo(4);
		assertThat(this.shop.sandboxCharges(recurrence(s, 4))).containsExactly("APPROVED 3000");
		// the purchase e-mail, the failure, overdue, two receipts and the renewal's
		mails(email, 6);
	}

	@Test
	void cancelKeepsAccessToThePaidPeriodsEndAndReactivationUndoesItOrChargesAfterIt() {
		this.clock.set(local(SAO_PAULO, 2027, 2, 10, 12, 0));
		BillingShop.Club club = this.shop.monthlyClub("America/Sao_Paulo", 3000, 0);
		String email = BillingShop.unique("cancel");
		WebClient student = this.shop.student(email, this.port);
		Subscription s = subscribe(club.plan(), email, SandboxCards.APPROVED);
		Instant paidUntil = midnight(SAO_PAULO, 2027, 3, 10);

		this.clock.set(local(SAO_PAULO, 2027, 2, 20, 12, 0));
		Subscription cancelled = this.subscriptions.cancel(buyer(s), s.code(), true);
		assertThat(cancelled.status()).isEqualTo(SubscriptionStatus.CANCELLED_BY_CUSTOMER);
		assertThat(cancelled.dateNextCharge()).isEqualTo(paidUntil);
		SubscriptionAccessChanged told = RecordedSubscriptionEvents.access(s).orElseThrow();
		assertThat(told.access()).isTrue();
		assertThat(told.accessUntil()).isEqualTo(paidUntil);
		opens(student, club.lesson());
		assertThatThrownBy(() -> this.subscriptions.cancel(producer(s), s.code(), true))
			.isInstanceOfSatisfying(SubscriptionRefused.class,
					(e) -> assertThat(e.reason()).isEqualTo(SubscriptionRefused.Reason.ALREADY_CANCELLED))
			.hasMessageContaining("CANCELLED_BY_CUSTOMER");

		// before the end of the paid period the cancellation is undone, nothing charged
		this.clock.set(local(SAO_PAULO, 2027, 2, 25, 12, 0));
		Subscription undone = this.subscriptions.reactivate(buyer(s), s.code());
		assertThat(undone.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(undone.nextChargeAt()).isEqualTo(paidUntil);
		assertThat(recurrences(s)).containsExactly(1);
		assertThat(events(s, SubscriptionEvents.Reactivated.class)).singleElement()
			.satisfies((e) -> assertThat(e.charged()).isFalse());
		assertThat(access(s)).isTrue();
		assertThat(this.shop.renewAt(s, paidUntil.plus(Duration.ofMinutes(1))).currentRecurrence()).isEqualTo(2);

		// the producer cancels without an e-mail; the due date passes uncharged
		this.clock.set(local(SAO_PAULO, 2027, 3, 15, 12, 0));
		Subscription bySeller = this.subscriptions.cancel(producer(s), s.code(), false);
		assertThat(bySeller.status()).isEqualTo(SubscriptionStatus.CANCELLED_BY_SELLER);
		assertThat(bySeller.accessUntil()).isEqualTo(midnight(SAO_PAULO, 2027, 4, 10));
		assertThat(events(s, SubscriptionEvents.Cancelled.class)).extracting(SubscriptionEvents.Cancelled::sendMail)
			.containsExactly(true, false);
		this.shop.renewAt(s, midnight(SAO_PAULO, 2027, 4, 10).plus(Duration.ofMinutes(1)));
		assertThat(recurrences(s)).containsExactly(1, 2);
		closed(student, club.lesson(), accessEnded(midnight(SAO_PAULO, 2027, 4, 10)));

		// the producer alone cannot bring it back: only an offer the buyer accepts
		assertThatThrownBy(() -> this.subscriptions.reactivate(producer(s), s.code())).isInstanceOfSatisfying(
				SubscriptionRefused.class,
				(e) -> assertThat(e.reason()).isEqualTo(SubscriptionRefused.Reason.NO_REACTIVATION_OFFER));
		this.clock.set(local(SAO_PAULO, 2027, 4, 20, 12, 0));
		Subscription offered = this.subscriptions.offerReactivation(producer(s), s.code(), true);
		assertThat(offered.status()).isEqualTo(SubscriptionStatus.CANCELLED_BY_SELLER);
		assertThat(events(s, SubscriptionEvents.ReactivationOffered.class)).singleElement()
			.satisfies((e) -> assertThat(e.charge()).isTrue());

		// the buyer accepts: charged now, billed on the due day after
		this.clock.set(local(SAO_PAULO, 2027, 4, 21, 12, 0));
		Subscription back = this.subscriptions.reactivate(buyer(s), s.code());
		assertThat(back.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(back.currentRecurrence()).isEqualTo(3);
		assertThat(back.dueDay()).isEqualTo(10);
		assertThat(back.nextChargeDate()).isEqualTo(LocalDate.of(2027, 5, 10));
		assertThat(recurrences(s)).containsExactly(1, 2, 3);
		assertThat(this.shop.sandboxCharges(recurrence(s, 3))).containsExactly("APPROVED 3000");
		assertThat(events(s, SubscriptionEvents.Reactivated.class)).extracting(SubscriptionEvents.Reactivated::charged)
			.containsExactly(false, true);
		assertThat(access(s)).isTrue();
		opens(student, club.lesson());
		assertThatThrownBy(() -> this.subscriptions.reactivate(buyer(s), s.code())).isInstanceOfSatisfying(
				SubscriptionRefused.class,
				(e) -> assertThat(e.reason()).isEqualTo(SubscriptionRefused.Reason.ALREADY_ACTIVE));
		assertThat(causes(s)).containsExactly("PURCHASE_APPROVED", "CANCELLED", "REACTIVATED", "RENEWED", "CANCELLED",
				"REACTIVATION_OFFERED", "REACTIVATED");
		assertThat(
				this.shop.renewAt(s, midnight(SAO_PAULO, 2027, 5, 10).plus(Duration.ofMinutes(1))).currentRecurrence())
			.isEqualTo(4);
		assertThat(this.shop.approvedSandboxCharges(s)).isEqualTo(4);
		// purchase, cancellation, receipt, reactivation offer, receipt, reactivated,
		// receipt
		mails(email, 7);
	}

	@Test
	void aBuyerWithTwoSubscriptionsHasTwoRightsAndKeepsAccessWhileOneIsPaid() {
		this.clock.set(local(SAO_PAULO, 2027, 4, 5, 12, 0));
		BillingShop.Club club = this.shop.monthlyClub("America/Sao_Paulo", 3000, 0);
		String email = BillingShop.unique("twice");
		WebClient student = this.shop.student(email, this.port);
		Subscription paying = subscribe(club.plan(), email, SandboxCards.APPROVED);
		Subscription failing = subscribe(club.plan(), email, SandboxCards.RENEWAL_CLOSED_ACCOUNT);
		assertThat(paying.code()).isNotEqualTo(failing.code());
		assertThat(this.subscriptions.ofBuyer(paying.subscriber().accountId())).hasSize(2);
		Instant due = midnight(SAO_PAULO, 2027, 5, 5);

		this.shop.renewAt(paying, due.plus(Duration.ofMinutes(1)));
		this.shop.renew(failing);
		Subscription overdue = this.shop.renewAt(failing, due.plus(Duration.ofDays(10)).plus(Duration.ofMinutes(1)));
		assertThat(overdue.status()).isEqualTo(SubscriptionStatus.OVERDUE);
		assertThat(overdue.lastDecline()).isEqualTo(DeclineReason.CLOSED_ACCOUNT);
		assertThat(this.shop.reload(paying).status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(access(failing)).isFalse();
		assertThat(access(paying)).isTrue();
		opens(student, club.lesson());

		// the paying one cancelled: access lasts to the end of its paid period, then the
		// overdue one alone is left
		Subscription cancelled = this.subscriptions.cancel(producer(paying), paying.code(), false);
		assertThat(cancelled.accessUntil()).isEqualTo(midnight(SAO_PAULO, 2027, 6, 5));
		opens(student, club.lesson());
		this.shop.renewAt(paying, midnight(SAO_PAULO, 2027, 6, 5).plus(Duration.ofMinutes(1)));
		closed(student, club.lesson(), overdueSince(due));
		assertThat(recurrences(paying)).containsExactly(1, 2);
		assertThat(recurrences(failing)).containsExactly(1, 2);
	}

	@Test
	void aPlanWithThreeChargesEndsInactiveWhenItsLastPeriodEnds() {
		this.clock.set(local(SAO_PAULO, 2027, 1, 20, 12, 0));
		long producer = this.shop.producer("America/Sao_Paulo");
		long product = this.shop.product(producer);
		Offer plan = this.shop.plan(producer, product, "Three months", 3000, BillingPeriod.MONTHLY, 3, 0);
		String lesson = this.shop.lesson(producer, product);
		String email = BillingShop.unique("three");
		WebClient student = this.shop.student(email, this.port);
		Subscription s = subscribe(plan, email, SandboxCards.APPROVED);
		assertThat(s.plan().maxCharges()).isEqualTo(3);
		this.shop.renewAt(s, midnight(SAO_PAULO, 2027, 2, 20).plus(Duration.ofMinutes(1)));
		Subscription third = this.shop.renewAt(s, midnight(SAO_PAULO, 2027, 3, 20).plus(Duration.ofMinutes(1)));
		assertThat(third.currentRecurrence()).isEqualTo(3);
		assertThat(this.shop.renewAt(s, local(SAO_PAULO, 2027, 4, 19, 23, 59)).status())
			.isEqualTo(SubscriptionStatus.ACTIVE);
		opens(student, lesson);

		Subscription ended = this.shop.renewAt(s, local(SAO_PAULO, 2027, 4, 20, 0, 1));
		assertThat(ended.status()).isEqualTo(SubscriptionStatus.INACTIVE);
		assertThat(ended.dateNextCharge()).isEqualTo(midnight(SAO_PAULO, 2027, 4, 20));
		assertThat(ended.nextAttemptAt()).isNull();
		assertThat(recurrences(s)).containsExactly(1, 2, 3);
		assertThat(this.shop.approvedSandboxCharges(s)).isEqualTo(3);
		assertThat(causes(s)).containsExactly("PURCHASE_APPROVED", "RENEWED", "RENEWED", "ALL_CHARGES_MADE");
		assertThat(access(s)).isFalse();
		closed(student, lesson, "The subscription is not active");
		assertThatThrownBy(() -> this.subscriptions.cancel(buyer(s), s.code(), true)).isInstanceOfSatisfying(
				SubscriptionRefused.class,
				(e) -> assertThat(e.reason()).isEqualTo(SubscriptionRefused.Reason.ALREADY_CANCELLED));
	}

	@Test
	void aCancellationWhileTheRenewalIsBeingChargedKeepsTheBuyerThePeriodTheyPaid() throws Exception {
		this.clock.set(local(SAO_PAULO, 2027, 7, 1, 12, 0));
		Offer offer = this.shop.monthly("America/Sao_Paulo", 3000, 0);
		Subscription s = subscribe(offer, BillingShop.unique("race"), SandboxCards.APPROVED);
		this.clock.set(midnight(SAO_PAULO, 2027, 8, 1).plus(Duration.ofMinutes(1)));
		ApprovalPause.arm(s.id());
		java.util.concurrent.ExecutorService run = java.util.concurrent.Executors.newSingleThreadExecutor();
		try {
			java.util.concurrent.Future<Integer> renewal = run.submit(() -> this.renewals.runDue());
			// the gateway charged; before Atrium records it, the buyer cancels
			ApprovalPause.awaitHeld();
			Subscription cancelled = this.subscriptions.cancel(buyer(s), s.code(), true);
			assertThat(cancelled.accessUntil()).as("the due date passed: access ends now")
				.isBefore(midnight(SAO_PAULO, 2027, 8, 1).plus(Duration.ofMinutes(2)));
			ApprovalPause.release();
			renewal.get(60, java.util.concurrent.TimeUnit.SECONDS);
		}
		finally {
			ApprovalPause.release();
			run.shutdownNow();
		}
		Subscription after = this.shop.reload(s);
		assertThat(after.status()).isEqualTo(SubscriptionStatus.CANCELLED_BY_CUSTOMER);
		assertThat(after.currentRecurrence()).isEqualTo(2);
		assertThat(after.accessUntil()).as("the month paid").isEqualTo(midnight(SAO_PAULO, 2027, 9, 1));
		assertThat(after.dateNextCharge()).isEqualTo(midnight(SAO_PAULO, 2027, 9, 1));
		assertThat(recurrence(s, 2).status()).isEqualTo(PurchaseStatus.APPROVED);
		assertThat(this.shop.sandboxCharges(recurrence(s, 2))).containsExactly("APPROVED 3000");
		SubscriptionAccessChanged told = RecordedSubscriptionEvents.access(s).orElseThrow();
		assertThat(told.access()).isTrue();
		assertThat(told.accessUntil()).isEqualTo(midnight(SAO_PAULO, 2027, 9, 1));
		assertThat(events(s, SubscriptionEvents.Charged.class)).singleElement().satisfies((e) -> {
			assertThat(e.recurrence()).isEqualTo(2);
			assertThat(e.nextChargeAt()).as("nothing more is charged").isNull();
		});
		assertThat(causes(s)).containsExactly("PURCHASE_APPROVED", "CANCELLED", "PAID_AFTER_CANCELLATION");
		this.shop.renewAt(s, midnight(SAO_PAULO, 2027, 9, 1).plus(Duration.ofMinutes(1)));
		assertThat(recurrences(s)).containsExactly(1, 2);
	}

	@Test
	void aDueDayOf31ChangedBeforeTheNextChargeFallsOnFebruary29thThenMarch31st() {
		this.clock.set(local(SAO_PAULO, 2027, 12, 5, 12, 0));
		Offer offer = this.shop.monthly("America/Sao_Paulo", 3000, 0);
		String email = BillingShop.unique("dueday");
		Subscription s = subscribe(offer, email, SandboxCards.APPROVED);
		assertThat(s.dueDay()).isEqualTo(5);

		this.clock.set(local(SAO_PAULO, 2027, 12, 20, 12, 0));
		for (int bad : new int[] { 0, 32 }) {
			assertThatThrownBy(() -> this.subscriptions.changeDueDay(producer(s), s.code(), bad))
				.isInstanceOfSatisfying(SubscriptionRefused.class,
						(e) -> assertThat(e.reason()).isEqualTo(SubscriptionRefused.Reason.INVALID_DUE_DAY));
		}
		assertThatThrownBy(
				() -> this.subscriptions.changeDueDay(Requester.producer(s.producerAccountId() + 1000), s.code(), 31))
			.isInstanceOfSatisfying(SubscriptionRefused.class,
					(e) -> assertThat(e.reason()).isEqualTo(SubscriptionRefused.Reason.NOT_FOUND));
		assertThat(this.shop.reload(s).pendingDueDay()).isNull();
		assertThat(causes(s)).containsExactly("PURCHASE_APPROVED");

		Subscription changed = this.subscriptions.changeDueDay(producer(s), s.code(), 31);
		assertThat(changed.dueDay()).isEqualTo(5);
		assertThat(changed.pendingDueDay()).isEqualTo(31);
		assertThat(changed.nextChargeDate()).isEqualTo(LocalDate.of(2028, 1, 5));
		assertThat(events(s, SubscriptionEvents.ChargeDateChanged.class)).singleElement().satisfies((e) -> {
			assertThat(e.oldDueDay()).isEqualTo(5);
			assertThat(e.newDueDay()).isEqualTo(31);
			assertThat(e.nextChargeAt()).isEqualTo(midnight(SAO_PAULO, 2028, 1, 5));
			assertThat(e.actor()).isEqualTo(Actor.PRODUCER);
		});

		Subscription january = this.shop.renewAt(s, local(SAO_PAULO, 2028, 1, 5, 0, 1));
		assertThat(january.currentRecurrence()).isEqualTo(2);
		assertThat(january.dueDay()).isEqualTo(31);
		assertThat(january.nextChargeDate()).isEqualTo(LocalDate.of(2028, 2, 29));

		assertThat(this.shop.renewAt(s, local(SAO_PAULO, 2028, 2, 28, 23, 59)).currentRecurrence()).isEqualTo(2);
		Subscription february = this.shop.renewAt(s, local(SAO_PAULO, 2028, 2, 29, 0, 1));
		assertThat(february.currentRecurrence()).isEqualTo(3);
		assertThat(february.nextChargeDate()).isEqualTo(LocalDate.of(2028, 3, 31));

		assertThat(this.shop.renewAt(s, local(SAO_PAULO, 2028, 3, 30, 23, 59)).currentRecurrence()).isEqualTo(3);
		Subscription march = this.shop.renewAt(s, local(SAO_PAULO, 2028, 3, 31, 0, 1));
		assertThat(march.currentRecurrence()).isEqualTo(4);
		assertThat(march.nextChargeDate()).isEqualTo(LocalDate.of(2028, 4, 30));
		assertThat(recurrences(s)).containsExactly(1, 2, 3, 4);
		assertThat(this.shop.approvedSandboxCharges(s)).isEqualTo(4);
		assertThat(causes(s)).containsExactly("PURCHASE_APPROVED", "DUE_DAY_CHANGED", "RENEWED", "RENEWED", "RENEWED");
		mails(email, 4);
	}

	@Test
	void inRomeTheNewDueDayAfterTheDaylightSavingChangeIsChargedAt00h01LocalNotAt23h59() {
		this.clock.set(local(ROME, 2027, 2, 10, 12, 0));
		Offer offer = this.shop.monthly("Europe/Rome", 3000, 0);
		Subscription s = subscribe(offer, BillingShop.unique("rome"), SandboxCards.APPROVED);
		assertThat(s.zone()).isEqualTo(ROME);
		assertThat(s.nextChargeAt()).isEqualTo(Instant.parse("2027-03-09T23:00:00Z"));
		this.clock.set(local(ROME, 2027, 2, 15, 12, 0));
		this.subscriptions.changeDueDay(buyer(s), s.code(), 28);

		assertThat(this.shop.renewAt(s, local(ROME, 2027, 3, 9, 23, 59)).currentRecurrence()).isEqualTo(1);
		Subscription march = this.shop.renewAt(s, local(ROME, 2027, 3, 10, 0, 1));
		assertThat(march.currentRecurrence()).isEqualTo(2);
		// after the change to summer time (March 28th): midnight is 22:00 UTC
		assertThat(march.nextChargeDate()).isEqualTo(LocalDate.of(2027, 4, 28));
		assertThat(march.nextChargeAt()).isEqualTo(Instant.parse("2027-04-27T22:00:00Z"));

		assertThat(this.shop.renewAt(s, local(ROME, 2027, 4, 27, 23, 59)).currentRecurrence()).isEqualTo(2);
		assertThat(this.shop.renewAt(s, local(ROME, 2027, 4, 28, 0, 1)).currentRecurrence()).isEqualTo(3);
		assertThat(this.shop.renewAt(s, local(ROME, 2027, 4, 28, 0, 30)).currentRecurrence()).isEqualTo(3);
		assertThat(recurrences(s)).containsExactly(1, 2, 3);
		assertThat(this.shop.approvedSandboxCharges(s)).isEqualTo(3);
	}

	@Test
	void inSantiagoWhereMidnightIsSkippedTheChargeIsDueAtTheFirstMinuteOfTheDay() {
		this.clock.set(local(SANTIAGO, 2027, 8, 5, 12, 0));
		Offer offer = this.shop.monthly("America/Santiago", 3000, 0);
		Subscription s = subscribe(offer, BillingShop.unique("santiago"), SandboxCards.APPROVED);
		// 2027-09-05: 00:00 (-04:00) jumps to 01:00 (-03:00)
		assertThat(s.nextChargeAt()).isEqualTo(Instant.parse("2027-09-05T04:00:00Z"));
		assertThat(this.shop.renewAt(s, local(SANTIAGO, 2027, 9, 4, 23, 59)).currentRecurrence()).isEqualTo(1);
		// 00:01 does not exist that day: it is 01:01
		Subscription renewed = this.shop.renewAt(s, local(SANTIAGO, 2027, 9, 5, 0, 1));
		assertThat(renewed.currentRecurrence()).isEqualTo(2);
		assertThat(renewed.nextChargeAt()).isEqualTo(Instant.parse("2027-10-05T03:00:00Z"));
		assertThat(this.shop.approvedSandboxCharges(s)).isEqualTo(2);
	}

	@Test
	void anUpgradeChargesTheProratedDifferenceNowADowngradeAppliesAtRenewalAndAnotherPeriodCreditsTheUnusedPart() {
		this.clock.set(local(SAO_PAULO, 2027, 1, 10, 12, 0));
		long producer = this.shop.producer("America/Sao_Paulo");
		long product = this.shop.product(producer);
		Offer monthly = this.shop.plan(producer, product, "Monthly", 3000, BillingPeriod.MONTHLY, null, 0);
		Offer plus = this.shop.plan(producer, product, "Monthly plus", 6000, BillingPeriod.MONTHLY, null, 0);
		Offer lite = this.shop.plan(producer, product, "Monthly lite", 1500, BillingPeriod.MONTHLY, null, 0);
		Offer annual = this.shop.plan(producer, product, "Annual", 60000, BillingPeriod.ANNUAL, null, 0);
		String email = BillingShop.unique("switch");
		Subscription s = subscribe(monthly, email, SandboxCards.APPROVED);

		this.clock.set(local(SAO_PAULO, 2027, 1, 25, 12, 0));
		assertThat(this.subscriptions.switchOptions(buyer(s), s.code()))
			.extracting((o) -> o.plan().offerCode(), (o) -> o.quote().kind())
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(plus.code(), PlanSwitchQuote.Kind.UPGRADE),
					org.assertj.core.groups.Tuple.tuple(lite.code(), PlanSwitchQuote.Kind.DOWNGRADE),
					org.assertj.core.groups.Tuple.tuple(annual.code(), PlanSwitchQuote.Kind.UPGRADE));
		assertThatThrownBy(() -> this.subscriptions.switchPlan(buyer(s), s.code(), "NOPLAN00")).isInstanceOfSatisfying(
				SubscriptionRefused.class,
				(e) -> assertThat(e.reason()).isEqualTo(SubscriptionRefused.Reason.INVALID_PLAN));
		// paid from noon on January 10th to midnight on February 10th (30.5 days);
		// 15.5 days left: 30.00 x 15.5 / 30.5 = 15.25
		Subscriptions.SwitchOption preview = this.subscriptions.previewSwitch(buyer(s), s.code(), plus.code());
		assertThat(preview.quote().chargeNow().amountMinor()).isBetween(1524L, 1525L);
		assertThat(preview.quote().newCycle()).isFalse();

		Subscription upgraded = this.subscriptions.switchPlan(buyer(s), s.code(), plus.code());
		assertThat(upgraded.plan().offerCode()).isEqualTo(plus.code());
		assertThat(upgraded.plan().price()).isEqualTo(Money.of(6000, "BRL"));
		assertThat(upgraded.nextChargeDate()).isEqualTo(LocalDate.of(2027, 2, 10));
		List<Purchase> charges = this.shop.charges(s);
		assertThat(charges).hasSize(2);
		Purchase difference = charges.get(1);
		assertThat(difference.recurrenceNumber()).isNull();
		assertThat(difference.status()).isEqualTo(PurchaseStatus.APPROVED);
		assertThat(difference.terms().offerCode()).isEqualTo(plus.code());
		assertThat(difference.terms().price().amountMinor()).isBetween(1524L, 1525L);
		assertThat(this.shop.sandboxCharges(difference)).singleElement()
			.satisfies((c) -> assertThat(c).startsWith("APPROVED 152"));
		assertThat(events(s, SubscriptionEvents.PlanSwitched.class)).singleElement().satisfies((e) -> {
			assertThat(e.kind()).isEqualTo(PlanSwitchQuote.Kind.UPGRADE);
			assertThat(e.fromOfferCode()).isEqualTo(monthly.code());
			assertThat(e.toOfferCode()).isEqualTo(plus.code());
			assertThat(e.chargedNow()).isEqualTo(difference.terms().price());
		});
		assertThat(events(s, SubscriptionEvents.Charged.class)).singleElement().satisfies((e) -> {
			assertThat(e.recurrence()).isNull();
			assertThat(e.transaction()).isEqualTo(difference.transaction());
		});

		Subscription february = this.shop.renewAt(s, midnight(SAO_PAULO, 2027, 2, 10).plus(Duration.ofMinutes(1)));
		assertThat(february.currentRecurrence()).isEqualTo(2);
		assertThat(recurrence(s, 2).terms().price()).isEqualTo(Money.of(6000, "BRL"));
		assertThat(this.shop.sandboxCharges(recurrence(s, 2))).containsExactly("APPROVED 6000");

		// a downgrade charges nothing and waits for the renewal
		this.clock.set(local(SAO_PAULO, 2027, 2, 20, 12, 0));
		Subscription scheduled = this.subscriptions.switchPlan(buyer(s), s.code(), lite.code());
		assertThat(scheduled.plan().offerCode()).isEqualTo(plus.code());
		assertThat(scheduled.pendingOfferId()).isEqualTo(lite.id());
		assertThat(this.shop.charges(s)).hasSize(3);
		assertThat(events(s, SubscriptionEvents.PlanSwitched.class)).last().satisfies((e) -> {
			assertThat(e.kind()).isEqualTo(PlanSwitchQuote.Kind.DOWNGRADE);
			assertThat(e.effectiveAt()).isEqualTo(midnight(SAO_PAULO, 2027, 3, 10));
			assertThat(e.chargedNow().amountMinor()).isZero();
		});
		Subscription march = this.shop.renewAt(s, midnight(SAO_PAULO, 2027, 3, 10).plus(Duration.ofMinutes(1)));
		assertThat(march.plan().offerCode()).isEqualTo(lite.code());
		assertThat(march.pendingOfferId()).isNull();
		assertThat(recurrence(s, 3).terms().price()).isEqualTo(Money.of(1500, "BRL"));
		assertThat(recurrence(s, 3).terms().offerCode()).isEqualTo(lite.code());

		// to the annual plan: the unused half of March is credited, a new year starts
		// today. March 10th to April 10th is 31 days, 15.5 left: 15.00 / 2 = 7.50
		this.clock.set(local(SAO_PAULO, 2027, 3, 25, 12, 0));
		Subscription yearly = this.subscriptions.switchPlan(buyer(s), s.code(), annual.code());
		assertThat(yearly.plan().offerCode()).isEqualTo(annual.code());
		assertThat(yearly.dueDay()).isEqualTo(25);
		assertThat(yearly.nextChargeDate()).isEqualTo(LocalDate.of(2028, 3, 25));
		Purchase annualCharge = this.shop.charges(s).get(4);
		assertThat(annualCharge.recurrenceNumber()).isNull();
		assertThat(annualCharge.terms().price().amountMinor()).isBetween(59249L, 59250L);
		assertThat(events(s, SubscriptionEvents.PlanSwitched.class)).last()
			.satisfies((e) -> assertThat(e.kind()).isEqualTo(PlanSwitchQuote.Kind.UPGRADE));
		this.shop.renewAt(s, midnight(SAO_PAULO, 2027, 4, 10).plus(Duration.ofMinutes(1)));
		assertThat(recurrences(s)).containsExactly(1, null, 2, 3, null);
		assertThat(causes(s)).containsExactly("PURCHASE_APPROVED", "PLAN_SWITCHED", "RENEWED", "PLAN_SWITCH_SCHEDULED",
				"PLAN_SWITCHED", "RENEWED", "PLAN_SWITCHED");
		assertThat(this.shop.approvedSandboxCharges(s)).isEqualTo(5);
		// the purchase e-mail and a receipt for each of the four charges
		mails(email, 5);
	}

}
