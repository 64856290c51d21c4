package io.atrium.webhooks.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import io.atrium.platform.InputLimits;

/**
 * "Replay everything since": an endpoint (empty for every active one) and a moment in the
 * producer's zone, a day and an optional time.
 *
 * @param endpoint an endpoint's id, or empty
 * @param since the day ({@code 2026-12-01})
 * @param time the time of day ({@code 14:30}), or empty for midnight
 */
record ReplayForm(String endpoint, String since, String time) {

	static final ReplayForm EMPTY = new ReplayForm("", "", "");

	/**
	 * @param zone the producer's zone
	 * @return the moment
	 * @throws IllegalArgumentException with the message key when the day or time cannot
	 * be read
	 */
	Instant moment(ZoneId zone) {
		LocalDate day = InputLimits.day(this.since)
			.orElseThrow(() -> new IllegalArgumentException("webhooks.page.replay.invalid-date"));
		LocalTime at = LocalTime.MIDNIGHT;
		if (this.time != null && !this.time.isBlank()) {
			try {
				at = LocalTime.parse(this.time.strip());
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("webhooks.page.replay.invalid-time");
			}
		}
		return day.atTime(at).atZone(zone).toInstant();
	}

	/**
	 * @return the endpoint chosen, null for all
	 * @throws IllegalArgumentException with the message key when it is no id
	 */
	Long endpointId() {
		if (this.endpoint == null || this.endpoint.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(this.endpoint.strip());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("webhooks.page.replay.unknown-endpoint");
		}
	}

	ReplayForm orEmpty() {
		return new ReplayForm((this.endpoint != null) ? this.endpoint : "", (this.since != null) ? this.since : "",
				(this.time != null) ? this.time : "");
	}

}
