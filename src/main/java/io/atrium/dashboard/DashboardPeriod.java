package io.atrium.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The dashboard's periods, counted in the producer's time zone: today (by hour), the last
 * 7 days and the last 30 days (by day), today included. Days and hours are those of the
 * zone, so a day when clocks change has 23 or 25 hours and its bucket is that long.
 */
public enum DashboardPeriod {

	/** Today, from the zone's midnight, in one-hour buckets. */
	TODAY(1),

	/** The last 7 days, today included, in day buckets. */
	DAYS_7(7),

	/** The last 30 days, today included, in day buckets. */
	DAYS_30(30);

	private final int days;

	DashboardPeriod(int days) {
		this.days = days;
	}

	/**
	 * @param text a {@code period} parameter ({@code today}, {@code 7}, {@code 30}), any
	 * case, or null
	 * @return the period, or empty when the text names none
	 */
	public static Optional<DashboardPeriod> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "today" -> Optional.of(TODAY);
			case "7", "7d" -> Optional.of(DAYS_7);
			case "30", "30d" -> Optional.of(DAYS_30);
			default -> Optional.empty();
		};
	}

	/**
	 * @return the value of the {@code period} parameter that names this period
	 */
	public String parameter() {
		return (this == TODAY) ? "today" : String.valueOf(this.days);
	}

	/**
	 * @return how many days the period covers
	 */
	public int days() {
		return this.days;
	}

	/**
	 * @param now the instant
	 * @param zone the producer's zone
	 * @return the period's days and buckets around that instant
	 */
	public Range at(Instant now, ZoneId zone) {
		LocalDate today = now.atZone(zone).toLocalDate();
		LocalDate first = today.minusDays(this.days - 1L);
		List<Instant> edges = new ArrayList<>();
		Instant end = today.plusDays(1).atStartOfDay(zone).toInstant();
		if (this == TODAY) {
			Instant hour = today.atStartOfDay(zone).toInstant();
			while (hour.isBefore(end)) {
				edges.add(hour);
				hour = hour.plus(Duration.ofHours(1));
			}
		}
		else {
			for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
				edges.add(day.atStartOfDay(zone).toInstant());
			}
		}
		edges.add(end);
		return new Range(this, first, today, List.copyOf(edges));
	}

	/**
	 * A period at one instant.
	 *
	 * @param period the period
	 * @param firstDay its first day (in the zone)
	 * @param lastDay its last day, today
	 * @param edges the buckets' starts, then the end of the last one: bucket {@code i} is
	 * {@code [edges[i], edges[i+1])}
	 */
	public record Range(DashboardPeriod period, LocalDate firstDay, LocalDate lastDay, List<Instant> edges) {

		/**
		 * @return the start of the first day
		 */
		public Instant from() {
			return this.edges.get(0);
		}

		/**
		 * @return the end of the last day (the start of tomorrow)
		 */
		public Instant to() {
			return this.edges.get(this.edges.size() - 1);
		}

		/**
		 * @return how many buckets
		 */
		public int buckets() {
			return this.edges.size() - 1;
		}

	}

}
