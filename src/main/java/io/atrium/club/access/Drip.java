package io.atrium.club.access;

import java.time.Duration;
import java.time.Instant;

import io.atrium.club.ClubRefused;

import org.springframework.modulith.NamedInterface;

/**
 * When content is released to a student: at once, a number of days after the student's
 * start in the product, on a fixed date, or once the student completes another page.
 *
 * @param kind how the release is computed
 * @param days for {@link Kind#DAYS}, 1 to 3650; null otherwise
 * @param date for {@link Kind#DATE}; null otherwise
 * @param afterPageId for {@link Kind#AFTER_PAGE}, the internal id of the page to
 * complete; null otherwise
 */
@NamedInterface("access")
public record Drip(Kind kind, Integer days, Instant date, Long afterPageId) {

	/** Released at once. */
	public static final Drip IMMEDIATE = new Drip(Kind.IMMEDIATE, null, null, null);

	/** The longest delay, ten years. */
	public static final int MAX_DAYS = 3650;

	/**
	 * @throws ClubRefused when the kind's value is missing or out of range
	 */
	public Drip {
		if (kind == null) {
			throw new IllegalArgumentException("A drip needs a kind.");
		}
		if (kind == Kind.DAYS && (days == null || days < 1 || days > MAX_DAYS)) {
			throw new ClubRefused("drip.days", "rule.drip-days",
					"A release in days needs a whole number of days from 1 to " + MAX_DAYS + ".", MAX_DAYS);
		}
		if (kind == Kind.DATE && date == null) {
			throw new ClubRefused("drip.date", "rule.date-required", "A release on a date needs the date.");
		}
		if (kind == Kind.AFTER_PAGE && afterPageId == null) {
			throw new ClubRefused("drip.after_page_id", "rule.page-required",
					"A release after a page needs the page to complete first.");
		}
	}

	/**
	 * @param days days after the student's start
	 * @return the drip
	 */
	public static Drip afterDays(int days) {
		return new Drip(Kind.DAYS, days, null, null);
	}

	/**
	 * @param date the release instant
	 * @return the drip
	 */
	public static Drip onDate(Instant date) {
		return new Drip(Kind.DATE, null, date, null);
	}

	/**
	 * @param pageId the page to complete first
	 * @return the drip
	 */
	public static Drip afterPage(long pageId) {
		return new Drip(Kind.AFTER_PAGE, null, null, pageId);
	}

	/**
	 * The release instant for a student.
	 * @param start the student's start in the product
	 * @param prerequisiteCompletedAt when the student completed {@link #afterPageId()},
	 * null when not (yet)
	 * @return the release instant, or null when it depends on a page not completed yet
	 */
	public Instant releaseAt(Instant start, Instant prerequisiteCompletedAt) {
		return switch (this.kind) {
			case IMMEDIATE -> start;
			case DAYS -> start.plus(Duration.ofDays(this.days));
			case DATE -> this.date;
			case AFTER_PAGE -> prerequisiteCompletedAt;
		};
	}

	/**
	 * How a release is computed.
	 */
	public enum Kind {

		/** At once. */
		IMMEDIATE,

		/** N days after the student's start. */
		DAYS,

		/** On a fixed date. */
		DATE,

		/** After completing another page. */
		AFTER_PAGE

	}

}
