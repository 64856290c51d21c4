package io.atrium.club.web.producer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import io.atrium.club.groups.StudentFilter;
import io.atrium.club.groups.StudentStatus;
import io.atrium.platform.InputLimits;

/**
 * The Users tab's filters as typed: part of a name or e-mail, a group, a status, the days
 * (inclusive, in the producer's zone) the access started in, and the page number.
 * Unreadable values are ignored.
 */
record StudentsForm(String q, Long group, String status, String from, String to, Integer page) {

	/** The first day of the start range, or null. */
	public LocalDate fromDay() {
		return day(this.from);
	}

	/** The last day of the start range, or null. */
	public LocalDate toDay() {
		return day(this.to);
	}

	public StudentStatus statusValue() {
		if (this.status == null || this.status.isBlank()) {
			return null;
		}
		try {
			return StudentStatus.valueOf(this.status.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	public String query() {
		return (this.q != null) ? this.q.strip() : "";
	}

	public int pageNumber() {
		return (this.page == null || this.page < 1) ? 1 : this.page;
	}

	StudentFilter filter(ZoneId zone) {
		LocalDate first = fromDay();
		LocalDate last = toDay();
		Instant startedFrom = (first != null) ? first.atStartOfDay(zone).toInstant() : null;
		Instant startedTo = (last != null) ? last.plusDays(1).atStartOfDay(zone).toInstant() : null;
		return new StudentFilter(query().isEmpty() ? null : query(), this.group, statusValue(), startedFrom, startedTo);
	}

	private static LocalDate day(String text) {
		return (text == null || text.isBlank()) ? null : InputLimits.day(text).orElse(null);
	}

}
