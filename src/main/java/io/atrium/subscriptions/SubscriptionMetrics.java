package io.atrium.subscriptions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.atrium.catalog.BillingPeriod;
import io.atrium.shared.Money;

/**
 * The numbers that matter to a producer, from their subscriptions and each one's recorded
 * changes: a pure calculation, no Spring.
 * <ul>
 * <li><b>Active subscribers</b>: ACTIVE (free trials included) or DELAYED (a charge being
 * retried), at an instant; a subscription's status at a past instant is the one its last
 * change before that instant left.</li>
 * <li><b>MRR</b>, per currency: each active, paying (not in a free trial) subscription's
 * price brought to a month (weekly ×52/12, monthly ×1, every two months /2, quarterly /3,
 * half-yearly /6, yearly /12), rounded once per currency to the minor unit.</li>
 * <li><b>Churn</b> over the window: the subscriptions cancelled in it (a move into a
 * cancelled status) divided by those active at its start; none without any active at the
 * start.</li>
 * <li><b>Overdue recovered</b> in the window: subscriptions that went from DELAYED or
 * OVERDUE back to ACTIVE in it, and per currency the recurrences they paid while late
 * there, at their price.</li>
 * <li>Per month, the last twelve: the active subscribers and MRR at each month's end (the
 * start of the next month in the producer's zone), the running month at now. The past MRR
 * uses each subscription's present price.</li>
 * </ul>
 */
public final class SubscriptionMetrics {

	/** The window of churn and recoveries. */
	public static final Duration WINDOW = Duration.ofDays(30);

	/** How many months the chart shows, the running one included. */
	public static final int MONTHS = 12;

	private static final Set<SubscriptionStatus> ACTIVE = EnumSet.of(SubscriptionStatus.ACTIVE,
			SubscriptionStatus.DELAYED);

	private static final Set<SubscriptionStatus> LATE = EnumSet.of(SubscriptionStatus.DELAYED,
			SubscriptionStatus.OVERDUE);

	private static final Set<String> LATE_PAYMENTS = Set.of("RECOVERED", "RECURRENCE_PAID");

	private SubscriptionMetrics() {
	}

	/**
	 * @param subscriptions the producer's subscriptions
	 * @param now the instant
	 * @param zone the producer's zone (where months end)
	 * @return the numbers
	 */
	public static Numbers compute(List<Sub> subscriptions, Instant now, ZoneId zone) {
		Instant windowStart = now.minus(WINDOW);
		long active = subscriptions.stream().filter((s) -> ACTIVE.contains(s.status())).count();
		long trials = subscriptions.stream().filter((s) -> ACTIVE.contains(s.status()) && s.inTrial()).count();
		Map<String, Money> mrr = mrr(
				subscriptions.stream().filter((s) -> ACTIVE.contains(s.status()) && !s.inTrial()).toList());
		long activeAtStart = subscriptions.stream().filter((s) -> ACTIVE.contains(statusAt(s, windowStart))).count();
		long cancelled = subscriptions.stream()
			.filter((s) -> s.history()
				.stream()
				.anyMatch((c) -> within(c.at(), windowStart, now) && c.to().cancelled()
						&& (c.from() == null || !c.from().cancelled())))
			.count();
		BigDecimal churn = (activeAtStart == 0) ? null
				: BigDecimal.valueOf(cancelled).divide(BigDecimal.valueOf(activeAtStart), 4, RoundingMode.HALF_UP);
		Set<Long> recovered = new HashSet<>();
		Map<String, BigDecimal> recoveredAmounts = new TreeMap<>();
		for (Sub s : subscriptions) {
			boolean back = s.history()
				.stream()
				.anyMatch((c) -> within(c.at(), windowStart, now) && c.from() != null && LATE.contains(c.from())
						&& c.to() == SubscriptionStatus.ACTIVE);
			if (!back) {
				continue;
			}
			recovered.add(s.id());
			long paid = s.history()
				.stream()
				.filter((c) -> within(c.at(), windowStart, now) && c.from() != null && LATE.contains(c.from())
						&& LATE_PAYMENTS.contains(c.cause()))
				.count();
			recoveredAmounts.merge(s.price().currency().getCurrencyCode(),
					BigDecimal.valueOf(paid * s.price().amountMinor()), BigDecimal::add);
		}
		List<Month> months = new ArrayList<>();
		YearMonth current = YearMonth.from(now.atZone(zone));
		for (int i = MONTHS - 1; i >= 0; i--) {
			YearMonth month = current.minusMonths(i);
			Instant end = (i == 0) ? now : month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
			List<Sub> then = subscriptions.stream().filter((s) -> ACTIVE.contains(statusAt(s, end))).toList();
			months.add(new Month(month, end, then.size(), mrr(
					then.stream().filter((s) -> s.trialEndsAt() == null || !end.isBefore(s.trialEndsAt())).toList())));
		}
		return new Numbers(active, trials, mrr, cancelled, activeAtStart, churn, recovered.size(),
				money(recoveredAmounts), months);
	}

	/**
	 * @param price a price per period
	 * @param period the period
	 * @return the price per month, in minor units, unrounded
	 */
	public static BigDecimal monthly(Money price, BillingPeriod period) {
		BigDecimal amount = BigDecimal.valueOf(price.amountMinor());
		return switch (period) {
			case WEEKLY ->
				amount.multiply(BigDecimal.valueOf(52)).divide(BigDecimal.valueOf(12), 10, RoundingMode.HALF_UP);
			case MONTHLY -> amount;
			case BIMONTHLY -> amount.divide(BigDecimal.valueOf(2), 10, RoundingMode.HALF_UP);
			case QUARTERLY -> amount.divide(BigDecimal.valueOf(3), 10, RoundingMode.HALF_UP);
			case BIANNUAL -> amount.divide(BigDecimal.valueOf(6), 10, RoundingMode.HALF_UP);
			case ANNUAL -> amount.divide(BigDecimal.valueOf(12), 10, RoundingMode.HALF_UP);
		};
	}

	/**
	 * @param s a subscription
	 * @param at an instant
	 * @return its status just before the instant, or null when it had not started
	 */
	public static SubscriptionStatus statusAt(Sub s, Instant at) {
		SubscriptionStatus status = null;
		for (SubscriptionChange c : s.history()) {
			if (!c.at().isBefore(at)) {
				break;
			}
			status = c.to();
		}
		return status;
	}

	private static Map<String, Money> mrr(List<Sub> paying) {
		Map<String, BigDecimal> sums = new TreeMap<>();
		for (Sub s : paying) {
			sums.merge(s.price().currency().getCurrencyCode(), monthly(s.price(), s.period()), BigDecimal::add);
		}
		return money(sums);
	}

	private static Map<String, Money> money(Map<String, BigDecimal> sums) {
		Map<String, Money> result = new TreeMap<>();
		sums.forEach((currency, sum) -> result.put(currency,
				Money.of(sum.setScale(0, RoundingMode.HALF_UP).longValueExact(), currency)));
		return result;
	}

	private static boolean within(Instant at, Instant from, Instant until) {
		return !at.isBefore(from) && !at.isAfter(until);
	}

	/**
	 * A subscription as the metrics need it.
	 *
	 * @param id its id
	 * @param status its status now
	 * @param price its price per period
	 * @param period its period
	 * @param trialEndsAt when its free trial ends, or null without one
	 * @param inTrial whether it is in its free trial now
	 * @param history its recorded changes, oldest first
	 */
	public record Sub(long id, SubscriptionStatus status, Money price, BillingPeriod period, Instant trialEndsAt,
			boolean inTrial, List<SubscriptionChange> history) {

	}

	/**
	 * The numbers.
	 *
	 * @param active active subscribers now
	 * @param inTrial how many of them are in a free trial
	 * @param mrr monthly recurring revenue per currency code
	 * @param cancelled cancellations in the window
	 * @param activeAtStart active subscribers at the window's start
	 * @param churn cancelled / activeAtStart, or null when none was active
	 * @param recovered subscriptions back to ACTIVE from DELAYED or OVERDUE in the window
	 * @param recoveredAmount what they paid while late, per currency code
	 * @param months the last twelve months, oldest first
	 */
	public record Numbers(long active, long inTrial, Map<String, Money> mrr, long cancelled, long activeAtStart,
			BigDecimal churn, long recovered, Map<String, Money> recoveredAmount, List<Month> months) {

	}

	/**
	 * One month's end.
	 *
	 * @param month the month
	 * @param end the instant counted (its end, or now for the running month)
	 * @param active active subscribers then
	 * @param mrr MRR then, per currency code
	 */
	public record Month(YearMonth month, Instant end, long active, Map<String, Money> mrr) {

	}

}
