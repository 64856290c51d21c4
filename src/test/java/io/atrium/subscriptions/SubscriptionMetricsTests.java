package io.atrium.subscriptions;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.atrium.catalog.BillingPeriod;
import io.atrium.shared.Money;
import org.junit.jupiter.api.Test;

import static io.atrium.subscriptions.SubscriptionStatus.ACTIVE;
import static io.atrium.subscriptions.SubscriptionStatus.CANCELLED_BY_CUSTOMER;
import static io.atrium.subscriptions.SubscriptionStatus.CANCELLED_BY_SELLER;
import static io.atrium.subscriptions.SubscriptionStatus.DELAYED;
import static io.atrium.subscriptions.SubscriptionStatus.OVERDUE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The producer's numbers from a known set of subscriptions and their histories.
 */
class SubscriptionMetricsTests {

	static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

	/** 15 June 2027, noon in São Paulo. */
	static final Instant NOW = Instant.parse("2027-06-15T15:00:00Z");

	@Test
	void eachPeriodIsBroughtToAMonth() {
		Money price = Money.of(12000, "BRL");
		assertThat(SubscriptionMetrics.monthly(price, BillingPeriod.WEEKLY)).isEqualByComparingTo("52000");
		assertThat(SubscriptionMetrics.monthly(price, BillingPeriod.MONTHLY)).isEqualByComparingTo("12000");
		assertThat(SubscriptionMetrics.monthly(price, BillingPeriod.BIMONTHLY)).isEqualByComparingTo("6000");
		assertThat(SubscriptionMetrics.monthly(price, BillingPeriod.QUARTERLY)).isEqualByComparingTo("4000");
		assertThat(SubscriptionMetrics.monthly(price, BillingPeriod.BIANNUAL)).isEqualByComparingTo("2000");
		assertThat(SubscriptionMetrics.monthly(price, BillingPeriod.ANNUAL)).isEqualByComparingTo("1000");
	}

	@Test
	void activeSubscribersMrrPerCurrencyAndTrialsLeftOutOfMrr() {
		List<SubscriptionMetrics.Sub> subs = List.of(
				sub(1, ACTIVE, 4990, "BRL", BillingPeriod.MONTHLY, started("2027-01-10")),
				sub(2, ACTIVE, 59880, "BRL", BillingPeriod.ANNUAL, started("2027-02-01")),
				sub(3, DELAYED, 1000, "BRL", BillingPeriod.WEEKLY, started("2027-03-01"),
						change(ACTIVE, DELAYED, "CHARGE_DECLINED", "2027-06-10")),
				sub(4, ACTIVE, 2500, "USD", BillingPeriod.QUARTERLY, started("2027-04-01")),
				trial(5, 9990, "BRL", "2027-06-10", "2027-06-17"),
				sub(6, OVERDUE, 4990, "BRL", BillingPeriod.MONTHLY, started("2027-01-05"),
						change(ACTIVE, DELAYED, "CHARGE_DECLINED", "2027-05-05"),
						change(DELAYED, OVERDUE, "RETRIES_EXHAUSTED", "2027-05-15")));

		SubscriptionMetrics.Numbers numbers = SubscriptionMetrics.compute(subs, NOW, ZONE);

		assertThat(numbers.active()).isEqualTo(5);
		assertThat(numbers.inTrial()).isEqualTo(1);
		// 4990 + 59880/12 (4990) + 1000*52/12 (4333.33) = 14313.33 -> 14313
		assertThat(numbers.mrr().get("BRL")).isEqualTo(Money.of(14313, "BRL"));
		// 2500 / 3 = 833.33 -> 833
		assertThat(numbers.mrr().get("USD")).isEqualTo(Money.of(833, "USD"));
		assertThat(numbers.mrr()).hasSize(2);
	}

	@Test
	void churnIsCancellationsInTheLast30DaysOverTheActiveAtTheStart() {
		List<SubscriptionMetrics.Sub> subs = new ArrayList<>();
		for (int i = 1; i <= 8; i++) {
			subs.add(sub(i, ACTIVE, 1000, "BRL", BillingPeriod.MONTHLY, started("2027-01-0" + i)));
		}
		subs.add(sub(9, CANCELLED_BY_CUSTOMER, 1000, "BRL", BillingPeriod.MONTHLY, started("2027-01-02"),
				change(ACTIVE, CANCELLED_BY_CUSTOMER, "CANCELLED", "2027-06-01")));
		subs.add(sub(10, CANCELLED_BY_SELLER, 1000, "BRL", BillingPeriod.MONTHLY, started("2027-02-02"),
				change(ACTIVE, CANCELLED_BY_SELLER, "CANCELLED", "2027-06-14")));
		// cancelled before the window: neither active at its start nor a cancellation in
		// it
		subs.add(sub(11, CANCELLED_BY_CUSTOMER, 1000, "BRL", BillingPeriod.MONTHLY, started("2027-01-02"),
				change(ACTIVE, CANCELLED_BY_CUSTOMER, "CANCELLED", "2027-04-01")));
		// subscribed inside the window and cancelled: a cancellation, not active at the
		// start
		subs.add(sub(12, CANCELLED_BY_CUSTOMER, 1000, "BRL", BillingPeriod.MONTHLY, started("2027-06-02"),
				change(ACTIVE, CANCELLED_BY_CUSTOMER, "CANCELLED", "2027-06-03")));

		SubscriptionMetrics.Numbers numbers = SubscriptionMetrics.compute(subs, NOW, ZONE);

		assertThat(numbers.activeAtStart()).isEqualTo(10);
		assertThat(numbers.cancelled()).isEqualTo(3);
		assertThat(numbers.churn()).isEqualByComparingTo(new BigDecimal("0.3"));
		assertThat(numbers.active()).isEqualTo(8);
	}

	@Test
	void noChurnWithoutActiveSubscribersAtTheStart() {
		SubscriptionMetrics.Numbers numbers = SubscriptionMetrics
			.compute(List.of(sub(1, ACTIVE, 1000, "BRL", BillingPeriod.MONTHLY, started("2027-06-10"))), NOW, ZONE);
		assertThat(numbers.activeAtStart()).isZero();
		assertThat(numbers.churn()).isNull();
	}

	@Test
	void overdueRecoveredCountsSubscriptionsBackToActiveAndWhatTheyPaidLate() {
		List<SubscriptionMetrics.Sub> subs = List.of(
				// delayed, recovered on a retry inside the window: one late recurrence
				// paid
				sub(1, ACTIVE, 4990, "BRL", BillingPeriod.MONTHLY, started("2027-01-10"),
						change(ACTIVE, DELAYED, "CHARGE_DECLINED", "2027-06-10"),
						change(DELAYED, ACTIVE, "RECOVERED", "2027-06-11")),
				// overdue with two unpaid, both paid in the window
				sub(2, ACTIVE, 2000, "USD", BillingPeriod.MONTHLY, started("2027-01-10"),
						change(ACTIVE, DELAYED, "CHARGE_DECLINED", "2027-04-10"),
						change(DELAYED, OVERDUE, "RETRIES_EXHAUSTED", "2027-04-20"),
						change(OVERDUE, OVERDUE, "RECURRENCE_UNPAID", "2027-05-10"),
						change(OVERDUE, OVERDUE, "RECURRENCE_PAID", "2027-06-01"),
						change(OVERDUE, ACTIVE, "RECOVERED", "2027-06-01")),
				// recovered before the window: not counted
				sub(3, ACTIVE, 4990, "BRL", BillingPeriod.MONTHLY, started("2027-01-10"),
						change(ACTIVE, DELAYED, "CHARGE_DECLINED", "2027-03-10"),
						change(DELAYED, ACTIVE, "RECOVERED", "2027-03-11")),
				// still overdue: not recovered
				sub(4, OVERDUE, 4990, "BRL", BillingPeriod.MONTHLY, started("2027-01-10"),
						change(ACTIVE, DELAYED, "CHARGE_DECLINED", "2027-06-01"),
						change(DELAYED, OVERDUE, "RETRIES_EXHAUSTED", "2027-06-11")));

		SubscriptionMetrics.Numbers numbers = SubscriptionMetrics.compute(subs, NOW, ZONE);

		assertThat(numbers.recovered()).isEqualTo(2);
		assertThat(numbers.recoveredAmount()).containsEntry("BRL", Money.of(4990, "BRL"))
			.containsEntry("USD", Money.of(4000, "USD"))
			.hasSize(2);
	}

	@Test
	void twelveMonthEndsWithTheActiveSubscribersAndMrrThen() {
		List<SubscriptionMetrics.Sub> subs = List.of(
				sub(1, ACTIVE, 3000, "BRL", BillingPeriod.MONTHLY, started("2026-11-20")),
				sub(2, CANCELLED_BY_CUSTOMER, 1000, "BRL", BillingPeriod.MONTHLY, started("2027-02-10"),
						change(ACTIVE, CANCELLED_BY_CUSTOMER, "CANCELLED", "2027-04-15")),
				// a trial from late May to 5 June: active in May, paying only from June
				trial(3, 6000, "BRL", "2027-05-28", "2027-06-05"));

		SubscriptionMetrics.Numbers numbers = SubscriptionMetrics.compute(subs, NOW, ZONE);

		assertThat(numbers.months()).hasSize(12);
		assertThat(numbers.months().get(0).month()).isEqualTo(YearMonth.of(2026, 7));
		assertThat(numbers.months().get(11).month()).isEqualTo(YearMonth.of(2027, 6));
		assertThat(numbers.months().get(11).end()).isEqualTo(NOW);
		// April ends at 1 May 00:00 in São Paulo (03:00 UTC)
		assertThat(numbers.months().get(9).end()).isEqualTo(Instant.parse("2027-05-01T03:00:00Z"));
		assertThat(numbers.months()).extracting(SubscriptionMetrics.Month::active)
			.containsExactly(0L, 0L, 0L, 0L, 1L, 1L, 1L, 2L, 2L, 1L, 2L, 2L);
		assertThat(numbers.months().get(7).mrr()).containsEntry("BRL", Money.of(4000, "BRL"));
		assertThat(numbers.months().get(10).mrr()).containsEntry("BRL", Money.of(3000, "BRL"));
		assertThat(numbers.months().get(11).mrr()).containsEntry("BRL", Money.of(9000, "BRL"));
		assertThat(numbers.months().get(0).mrr()).isEmpty();
	}

	private static SubscriptionMetrics.Sub sub(long id, SubscriptionStatus status, long amount, String currency,
			BillingPeriod period, SubscriptionChange first, SubscriptionChange... more) {
		List<SubscriptionChange> history = new ArrayList<>(List.of(first));
		history.addAll(List.of(more));
		return new SubscriptionMetrics.Sub(id, status, Money.of(amount, currency), period, null, false, history);
	}

	private static SubscriptionMetrics.Sub trial(long id, long amount, String currency, String start, String end) {
		Instant trialEnd = day(end);
		return new SubscriptionMetrics.Sub(id, ACTIVE, Money.of(amount, currency), BillingPeriod.MONTHLY, trialEnd,
				NOW.isBefore(trialEnd),
				List.of(new SubscriptionChange(null, ACTIVE, "TRIAL_STARTED", Actor.BUYER, 1L, null, day(start))));
	}

	private static SubscriptionChange started(String day) {
		return new SubscriptionChange(null, ACTIVE, "PURCHASE_APPROVED", Actor.BUYER, 1L, null, day(day));
	}

	private static SubscriptionChange change(SubscriptionStatus from, SubscriptionStatus to, String cause, String day) {
		return new SubscriptionChange(from, to, cause, Actor.SYSTEM, null, null, day(day));
	}

	private static Instant day(String day) {
		return java.time.LocalDate.parse(day).atTime(12, 0).atZone(ZONE).toInstant();
	}

}
