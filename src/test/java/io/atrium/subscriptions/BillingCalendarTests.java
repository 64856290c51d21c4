package io.atrium.subscriptions;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.atrium.catalog.BillingPeriod;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When charges fall: the due day in the producer's zone, short months, leap years, weekly
 * plans and the first instant of a day on a daylight-saving change.
 */
class BillingCalendarTests {

	static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

	static List<LocalDate> charges(LocalDate first, BillingPeriod period, int dueDay, int count) {
		List<LocalDate> dates = new ArrayList<>();
		LocalDate date = first;
		for (int i = 0; i < count; i++) {
			dates.add(date);
			date = BillingCalendar.next(date, period, dueDay);
		}
		return dates;
	}

	@Test
	void dueDay31FallsOnTheLastDayOfShorterMonthsAndGoesBackTo31After() {
		assertThat(charges(LocalDate.of(2027, 1, 31), BillingPeriod.MONTHLY, 31, 6)).containsExactly(
				LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31),
				LocalDate.of(2027, 4, 30), LocalDate.of(2027, 5, 31), LocalDate.of(2027, 6, 30));
	}

	@Test
	void inALeapYearFebruaryEndsOnThe29th() {
		assertThat(charges(LocalDate.of(2028, 1, 31), BillingPeriod.MONTHLY, 31, 3))
			.containsExactly(LocalDate.of(2028, 1, 31), LocalDate.of(2028, 2, 29), LocalDate.of(2028, 3, 31));
		assertThat(charges(LocalDate.of(2028, 1, 29), BillingPeriod.MONTHLY, 29, 3))
			.containsExactly(LocalDate.of(2028, 1, 29), LocalDate.of(2028, 2, 29), LocalDate.of(2028, 3, 29));
		assertThat(charges(LocalDate.of(2027, 1, 29), BillingPeriod.MONTHLY, 29, 3))
			.containsExactly(LocalDate.of(2027, 1, 29), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 29));
	}

	@Test
	void dueDay30InFebruaryIsTheLastDayOfFebruaryThenThe30th() {
		assertThat(charges(LocalDate.of(2027, 1, 30), BillingPeriod.MONTHLY, 30, 4)).containsExactly(
				LocalDate.of(2027, 1, 30), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 30),
				LocalDate.of(2027, 4, 30));
		assertThat(BillingCalendar.dueDate(YearMonth.of(2028, 2), 30)).isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(BillingCalendar.dueDate(YearMonth.of(2027, 2), 30)).isEqualTo(LocalDate.of(2027, 2, 28));
		assertThat(BillingCalendar.dueDate(YearMonth.of(2027, 4), 31)).isEqualTo(LocalDate.of(2027, 4, 30));
		assertThat(BillingCalendar.dueDate(YearMonth.of(2027, 4), 15)).isEqualTo(LocalDate.of(2027, 4, 15));
	}

	@Test
	void anAnnualPlanStartedOnFebruary29thRenewsOnThe28thUntilTheNextLeapYear() {
		assertThat(charges(LocalDate.of(2028, 2, 29), BillingPeriod.ANNUAL, 29, 5)).containsExactly(
				LocalDate.of(2028, 2, 29), LocalDate.of(2029, 2, 28), LocalDate.of(2030, 2, 28),
				LocalDate.of(2031, 2, 28), LocalDate.of(2032, 2, 29));
	}

	@Test
	void longerPeriodsKeepTheDueDay() {
		assertThat(charges(LocalDate.of(2027, 8, 31), BillingPeriod.QUARTERLY, 31, 4)).containsExactly(
				LocalDate.of(2027, 8, 31), LocalDate.of(2027, 11, 30), LocalDate.of(2028, 2, 29),
				LocalDate.of(2028, 5, 31));
		assertThat(charges(LocalDate.of(2027, 12, 31), BillingPeriod.BIMONTHLY, 31, 3))
			.containsExactly(LocalDate.of(2027, 12, 31), LocalDate.of(2028, 2, 29), LocalDate.of(2028, 4, 30));
		assertThat(charges(LocalDate.of(2027, 8, 31), BillingPeriod.BIANNUAL, 31, 3))
			.containsExactly(LocalDate.of(2027, 8, 31), LocalDate.of(2028, 2, 29), LocalDate.of(2028, 8, 31));
	}

	@Test
	void weeklyPlansKeepADayOfTheWeek() {
		// 2027-01-06 is a Wednesday (3)
		LocalDate wednesday = LocalDate.of(2027, 1, 6);
		assertThat(BillingCalendar.dueDayOf(wednesday, BillingPeriod.WEEKLY)).isEqualTo(3);
		assertThat(charges(wednesday, BillingPeriod.WEEKLY, 3, 4)).containsExactly(wednesday, LocalDate.of(2027, 1, 13),
				LocalDate.of(2027, 1, 20), LocalDate.of(2027, 1, 27));
		// moved to Friday (5): the next charge is the first Friday after the last one
		assertThat(BillingCalendar.next(wednesday, BillingPeriod.WEEKLY, 5)).isEqualTo(LocalDate.of(2027, 1, 8));
		// moved to Monday (1)
		assertThat(BillingCalendar.next(wednesday, BillingPeriod.WEEKLY, 1)).isEqualTo(LocalDate.of(2027, 1, 11));
		assertThat(BillingCalendar.previous(LocalDate.of(2027, 1, 13), BillingPeriod.WEEKLY, 3)).isEqualTo(wednesday);
		assertThat(BillingCalendar.onOrAfter(LocalDate.of(2027, 1, 7), BillingPeriod.WEEKLY, 3))
			.isEqualTo(LocalDate.of(2027, 1, 13));
		assertThat(BillingCalendar.onOrAfter(wednesday, BillingPeriod.WEEKLY, 3)).isEqualTo(wednesday);
		assertThat(BillingCalendar.maxDueDay(BillingPeriod.WEEKLY)).isEqualTo(7);
		assertThat(BillingCalendar.maxDueDay(BillingPeriod.MONTHLY)).isEqualTo(31);
	}

	@Test
	void theDueDayIsTheDayOfTheMonthOfTheFirstCharge() {
		assertThat(BillingCalendar.dueDayOf(LocalDate.of(2027, 1, 31), BillingPeriod.MONTHLY)).isEqualTo(31);
		assertThat(BillingCalendar.dueDayOf(LocalDate.of(2027, 1, 31), BillingPeriod.ANNUAL)).isEqualTo(31);
	}

	@Test
	void previousIsTheChargeBeforeOnTheSameDueDay() {
		assertThat(BillingCalendar.previous(LocalDate.of(2027, 3, 31), BillingPeriod.MONTHLY, 31))
			.isEqualTo(LocalDate.of(2027, 2, 28));
		assertThat(BillingCalendar.previous(LocalDate.of(2027, 2, 28), BillingPeriod.MONTHLY, 31))
			.isEqualTo(LocalDate.of(2027, 1, 31));
		assertThat(BillingCalendar.previous(LocalDate.of(2028, 3, 30), BillingPeriod.MONTHLY, 30))
			.isEqualTo(LocalDate.of(2028, 2, 29));
		assertThat(BillingCalendar.previous(LocalDate.of(2027, 1, 10), BillingPeriod.MONTHLY, 10))
			.isEqualTo(LocalDate.of(2026, 12, 10));
		assertThat(BillingCalendar.previous(LocalDate.of(2028, 2, 29), BillingPeriod.ANNUAL, 29))
			.isEqualTo(LocalDate.of(2027, 2, 28));
		assertThat(BillingCalendar.previous(LocalDate.of(2027, 5, 31), BillingPeriod.QUARTERLY, 31))
			.isEqualTo(LocalDate.of(2027, 2, 28));
	}

	@Test
	void onOrAfterIsTheFirstDueDateFromADay() {
		assertThat(BillingCalendar.onOrAfter(LocalDate.of(2027, 2, 15), BillingPeriod.MONTHLY, 31))
			.isEqualTo(LocalDate.of(2027, 2, 28));
		assertThat(BillingCalendar.onOrAfter(LocalDate.of(2027, 3, 1), BillingPeriod.MONTHLY, 31))
			.isEqualTo(LocalDate.of(2027, 3, 31));
		assertThat(BillingCalendar.onOrAfter(LocalDate.of(2027, 1, 31), BillingPeriod.MONTHLY, 31))
			.isEqualTo(LocalDate.of(2027, 1, 31));
		assertThat(BillingCalendar.onOrAfter(LocalDate.of(2027, 1, 11), BillingPeriod.MONTHLY, 10))
			.isEqualTo(LocalDate.of(2027, 2, 10));
		assertThat(BillingCalendar.onOrAfter(LocalDate.of(2027, 12, 11), BillingPeriod.MONTHLY, 10))
			.isEqualTo(LocalDate.of(2028, 1, 10));
	}

	@Test
	void aChargeIsDueAtMidnightInTheProducersZone() {
		assertThat(BillingCalendar.at(LocalDate.of(2027, 6, 10), SAO_PAULO))
			.isEqualTo(Instant.parse("2027-06-10T03:00:00Z"));
		assertThat(BillingCalendar.at(LocalDate.of(2027, 6, 10), ROME))
			.isEqualTo(Instant.parse("2027-06-09T22:00:00Z"));
		assertThat(BillingCalendar.at(LocalDate.of(2027, 6, 10), ZoneId.of("Asia/Tokyo")))
			.isEqualTo(Instant.parse("2027-06-09T15:00:00Z"));
	}

	@Test
	void onSaoPaulosHistoricalDaylightSavingStartMidnightDidNotExistAndTheDayBeganAt1() {
		// 2018-11-04: 00:00 jumped to 01:00 (-02:00)
		assertThat(BillingCalendar.at(LocalDate.of(2018, 11, 4), SAO_PAULO))
			.isEqualTo(Instant.parse("2018-11-04T03:00:00Z"));
		Instant eve = LocalDateTime.of(2018, 11, 3, 23, 59).atZone(SAO_PAULO).toInstant();
		assertThat(eve).isBefore(BillingCalendar.at(LocalDate.of(2018, 11, 4), SAO_PAULO));
		assertThat(Duration.between(eve, BillingCalendar.at(LocalDate.of(2018, 11, 4), SAO_PAULO)))
			.isEqualTo(Duration.ofMinutes(1));
		// the day before began at 00:00 -03:00
		assertThat(BillingCalendar.at(LocalDate.of(2018, 11, 3), SAO_PAULO))
			.isEqualTo(Instant.parse("2018-11-03T03:00:00Z"));
	}

	@Test
	void onSaoPaulosHistoricalDaylightSavingEndTheDayBeganOnceAt0() {
		// 2019-02-17: at 00:00 (-02:00) clocks went back to 23:00 of the 16th (-03:00)
		assertThat(BillingCalendar.at(LocalDate.of(2019, 2, 17), SAO_PAULO))
			.isEqualTo(Instant.parse("2019-02-17T03:00:00Z"));
		assertThat(BillingCalendar.at(LocalDate.of(2019, 2, 16), SAO_PAULO))
			.isEqualTo(Instant.parse("2019-02-16T02:00:00Z"));
		// a monthly charge across it stays at local midnight
		assertThat(BillingCalendar.at(BillingCalendar.next(LocalDate.of(2019, 1, 17), BillingPeriod.MONTHLY, 17),
				SAO_PAULO))
			.isEqualTo(Instant.parse("2019-02-17T03:00:00Z"));
		assertThat(BillingCalendar.at(LocalDate.of(2019, 1, 17), SAO_PAULO))
			.isEqualTo(Instant.parse("2019-01-17T02:00:00Z"));
	}

	@Test
	void inRomeAndNewYorkTheChangeIsAtNightSoMidnightKeepsButMovesAnHourInUtc() {
		// Rome 2027-03-28 02:00 -> 03:00: the day starts at 00:00 +01:00, the next at
		// 00:00 +02:00 (23 hours later)
		Instant rome28 = BillingCalendar.at(LocalDate.of(2027, 3, 28), ROME);
		Instant rome29 = BillingCalendar.at(LocalDate.of(2027, 3, 29), ROME);
		assertThat(rome28).isEqualTo(Instant.parse("2027-03-27T23:00:00Z"));
		assertThat(rome29).isEqualTo(Instant.parse("2027-03-28T22:00:00Z"));
		assertThat(Duration.between(rome28, rome29)).isEqualTo(Duration.ofHours(23));
		// Rome 2027-10-31 03:00 -> 02:00: 25 hours
		assertThat(Duration.between(BillingCalendar.at(LocalDate.of(2027, 10, 31), ROME),
				BillingCalendar.at(LocalDate.of(2027, 11, 1), ROME)))
			.isEqualTo(Duration.ofHours(25));
		// New York 2027-03-14 02:00 -> 03:00; a charge on the 10th every month
		assertThat(BillingCalendar.at(LocalDate.of(2027, 3, 10), NEW_YORK))
			.isEqualTo(Instant.parse("2027-03-10T05:00:00Z"));
		assertThat(BillingCalendar.at(BillingCalendar.next(LocalDate.of(2027, 3, 10), BillingPeriod.MONTHLY, 10),
				NEW_YORK))
			.isEqualTo(Instant.parse("2027-04-10T04:00:00Z"));
		assertThat(BillingCalendar.at(LocalDate.of(2027, 3, 14), NEW_YORK))
			.isEqualTo(Instant.parse("2027-03-14T05:00:00Z"));
		assertThat(BillingCalendar.at(LocalDate.of(2027, 11, 7), NEW_YORK))
			.isEqualTo(Instant.parse("2027-11-07T04:00:00Z"));
	}

	@Test
	void whereMidnightIsSkippedTheChargeIsDueAtTheFirstInstantOfTheDay() {
		// Santiago 2027-09-05: 00:00 (-04:00) jumps to 01:00 (-03:00)
		Instant due = BillingCalendar.at(LocalDate.of(2027, 9, 5), SANTIAGO);
		assertThat(due).isEqualTo(Instant.parse("2027-09-05T04:00:00Z"));
		assertThat(due.atZone(SANTIAGO).toLocalDateTime()).isEqualTo(LocalDateTime.of(2027, 9, 5, 1, 0));
		Instant eve = LocalDateTime.of(2027, 9, 4, 23, 59).atZone(SANTIAGO).toInstant();
		assertThat(eve).isBefore(due);
		// Santiago 2027-04-04: 00:00 (-03:00) goes back to 23:00 of the 3rd (-04:00); the
		// 4th begins once, after both 23:59s of the 3rd
		Instant after = BillingCalendar.at(LocalDate.of(2027, 4, 4), SANTIAGO);
		assertThat(after).isEqualTo(Instant.parse("2027-04-04T04:00:00Z"));
		assertThat(LocalDateTime.of(2027, 4, 3, 23, 59).atZone(SANTIAGO).withLaterOffsetAtOverlap().toInstant())
			.isBefore(after);
	}

}
