package io.atrium.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard's periods are days and hours of the producer's zone.
 */
class DashboardPeriodTests {

	static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Test
	void todayIsTheZonesDayInHours() {
		// 02:30 UTC on the 7th is still the 6th in São Paulo (UTC-3)
		DashboardPeriod.Range range = DashboardPeriod.TODAY.at(Instant.parse("2026-12-07T02:30:00Z"), SAO_PAULO);
		assertThat(range.firstDay()).isEqualTo(LocalDate.of(2026, 12, 6));
		assertThat(range.lastDay()).isEqualTo(LocalDate.of(2026, 12, 6));
		assertThat(range.buckets()).isEqualTo(24);
		assertThat(range.from()).isEqualTo(Instant.parse("2026-12-06T03:00:00Z"));
		assertThat(range.to()).isEqualTo(Instant.parse("2026-12-07T03:00:00Z"));
		assertThat(range.edges().get(1)).isEqualTo(Instant.parse("2026-12-06T04:00:00Z"));
	}

	@Test
	void midnightBelongsToTheDayItStarts() {
		Instant midnight = Instant.parse("2026-12-07T03:00:00Z");
		assertThat(DashboardPeriod.TODAY.at(midnight, SAO_PAULO).firstDay()).isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(DashboardPeriod.TODAY.at(midnight.minusNanos(1), SAO_PAULO).firstDay())
			.isEqualTo(LocalDate.of(2026, 12, 6));
		assertThat(DashboardPeriod.TODAY.at(midnight, SAO_PAULO).from()).isEqualTo(midnight);
	}

	@Test
	void lastSevenAndThirtyDaysIncludeToday() {
		Instant now = Instant.parse("2026-12-07T15:00:00Z");
		DashboardPeriod.Range week = DashboardPeriod.DAYS_7.at(now, SAO_PAULO);
		assertThat(week.firstDay()).isEqualTo(LocalDate.of(2026, 12, 1));
		assertThat(week.lastDay()).isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(week.buckets()).isEqualTo(7);
		assertThat(week.from()).isEqualTo(Instant.parse("2026-12-01T03:00:00Z"));
		assertThat(week.to()).isEqualTo(Instant.parse("2026-12-08T03:00:00Z"));
		DashboardPeriod.Range month = DashboardPeriod.DAYS_30.at(now, SAO_PAULO);
		assertThat(month.firstDay()).isEqualTo(LocalDate.of(2026, 11, 8));
		assertThat(month.buckets()).isEqualTo(30);
	}

	@Test
	void aDayWhenClocksSpringForwardHas23Hours() {
		// New York moves from 02:00 EST to 03:00 EDT on 8 March 2026
		DashboardPeriod.Range today = DashboardPeriod.TODAY.at(Instant.parse("2026-03-08T18:00:00Z"), NEW_YORK);
		assertThat(today.buckets()).isEqualTo(23);
		assertThat(today.from()).isEqualTo(Instant.parse("2026-03-08T05:00:00Z"));
		assertThat(today.to()).isEqualTo(Instant.parse("2026-03-09T04:00:00Z"));
		assertThat(today.edges().get(3).atZone(NEW_YORK).getHour()).as("02:00 does not exist").isEqualTo(4);
	}

	@Test
	void aDayWhenClocksFallBackHas25HoursAndIsOneDayBucket() {
		// New York moves from 02:00 EDT back to 01:00 EST on 1 November 2026
		DashboardPeriod.Range today = DashboardPeriod.TODAY.at(Instant.parse("2026-11-01T18:00:00Z"), NEW_YORK);
		assertThat(today.buckets()).isEqualTo(25);
		DashboardPeriod.Range week = DashboardPeriod.DAYS_7.at(Instant.parse("2026-11-03T18:00:00Z"), NEW_YORK);
		List<Instant> edges = week.edges();
		assertThat(edges).hasSize(8);
		int sunday = edges.indexOf(Instant.parse("2026-11-01T04:00:00Z"));
		assertThat(sunday).isNotNegative();
		assertThat(Duration.between(edges.get(sunday), edges.get(sunday + 1))).isEqualTo(Duration.ofHours(25));
		assertThat(Duration.between(edges.get(sunday + 1), edges.get(sunday + 2))).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void readsThePeriodParameter() {
		assertThat(DashboardPeriod.parse("today")).contains(DashboardPeriod.TODAY);
		assertThat(DashboardPeriod.parse(" TODAY ")).contains(DashboardPeriod.TODAY);
		assertThat(DashboardPeriod.parse("7")).contains(DashboardPeriod.DAYS_7);
		assertThat(DashboardPeriod.parse("30")).contains(DashboardPeriod.DAYS_30);
		assertThat(DashboardPeriod.parse("365")).isEmpty();
		assertThat(DashboardPeriod.parse("<script>")).isEmpty();
		assertThat(DashboardPeriod.parse(null)).isEmpty();
		for (DashboardPeriod p : DashboardPeriod.values()) {
			assertThat(DashboardPeriod.parse(p.parameter())).contains(p);
		}
	}

}
