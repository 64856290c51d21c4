package io.atrium.subscriptions;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

import io.atrium.catalog.BillingPeriod;

/**
 * When a subscription's charges fall: a pure policy, no Spring. A charge is due at the
 * start of its due date in the producer's time zone. Monthly-based plans keep a due day
 * of the month (1 to 31): 29, 30 and 31 fall on the last day of a shorter month and go
 * back to the chosen day after it. Weekly plans keep a day of the week (1 = Monday … 7 =
 * Sunday).
 */
public final class BillingCalendar {

	private BillingCalendar() {
	}

	/**
	 * @param period a billing period
	 * @return months between two charges, 0 for weekly plans
	 */
	public static int months(BillingPeriod period) {
		return switch (period) {
			case WEEKLY -> 0;
			case MONTHLY -> 1;
			case BIMONTHLY -> 2;
			case QUARTERLY -> 3;
			case BIANNUAL -> 6;
			case ANNUAL -> 12;
		};
	}

	/**
	 * @param month a month
	 * @param dueDay a day of the month, 1 to 31
	 * @return that day of the month, or the month's last day when it is shorter
	 */
	public static LocalDate dueDate(YearMonth month, int dueDay) {
		return month.atDay(Math.min(dueDay, month.lengthOfMonth()));
	}

	/**
	 * @param due a charge's due date
	 * @param period the plan's period
	 * @param dueDay the due day that applies to the next charge
	 * @return the due date of the next charge
	 */
	public static LocalDate next(LocalDate due, BillingPeriod period, int dueDay) {
		if (period == BillingPeriod.WEEKLY) {
			return due.plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.of(weekday(dueDay))));
		}
		return dueDate(YearMonth.from(due).plusMonths(months(period)), dueDay);
	}

	/**
	 * @param due a charge's due date
	 * @param period the plan's period
	 * @param dueDay the due day
	 * @return the due date of the charge before it
	 */
	public static LocalDate previous(LocalDate due, BillingPeriod period, int dueDay) {
		if (period == BillingPeriod.WEEKLY) {
			return due.minusDays(7);
		}
		return dueDate(YearMonth.from(due).minusMonths(months(period)), dueDay);
	}

	/**
	 * @param from a date
	 * @param period the plan's period
	 * @param dueDay the due day
	 * @return the first due date on or after {@code from}
	 */
	public static LocalDate onOrAfter(LocalDate from, BillingPeriod period, int dueDay) {
		if (period == BillingPeriod.WEEKLY) {
			return from.with(TemporalAdjusters.nextOrSame(DayOfWeek.of(weekday(dueDay))));
		}
		LocalDate candidate = dueDate(YearMonth.from(from), dueDay);
		return candidate.isBefore(from) ? dueDate(YearMonth.from(from).plusMonths(1), dueDay) : candidate;
	}

	/**
	 * @param date a date
	 * @param period the plan's period
	 * @return the due day a charge on that date sets: its day of the month, or of the
	 * week for weekly plans
	 */
	public static int dueDayOf(LocalDate date, BillingPeriod period) {
		return (period == BillingPeriod.WEEKLY) ? date.getDayOfWeek().getValue() : date.getDayOfMonth();
	}

	/**
	 * @param period the plan's period
	 * @return the largest due day: 7 for weekly plans, 31 otherwise
	 */
	public static int maxDueDay(BillingPeriod period) {
		return (period == BillingPeriod.WEEKLY) ? 7 : 31;
	}

	/**
	 * @param date a due date
	 * @param zone the producer's time zone
	 * @return the instant the charge is due: the start of that day in the zone (the first
	 * valid instant of it on a daylight-saving change)
	 */
	public static Instant at(LocalDate date, ZoneId zone) {
		return date.atStartOfDay(zone).toInstant();
	}

	private static int weekday(int dueDay) {
		return ((dueDay - 1) % 7) + 1;
	}

}
