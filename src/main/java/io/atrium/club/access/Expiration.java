package io.atrium.club.access;

import java.time.Duration;
import java.time.Instant;

import io.atrium.club.ClubRefused;

import org.springframework.modulith.NamedInterface;

/**
 * When content closes again for a student: never, a number of days after the student's
 * start, or on a fixed date.
 *
 * @param kind how the expiry is computed
 * @param days for {@link Kind#DAYS}, 1 to 3650; null otherwise
 * @param date for {@link Kind#DATE}; null otherwise
 */
@NamedInterface("access")
public record Expiration(Kind kind, Integer days, Instant date) {

	/** Never expires. */
	public static final Expiration NEVER = new Expiration(Kind.NEVER, null, null);

	/**
	 * @throws ClubRefused when the kind's value is missing or out of range
	 */
	public Expiration {
		if (kind == null) {
			throw new IllegalArgumentException("An expiration needs a kind.");
		}
		if (kind == Kind.DAYS && (days == null || days < 1 || days > Drip.MAX_DAYS)) {
			throw new ClubRefused("expiration.days", "rule.expire-days",
					"An expiry in days needs a whole number of days from 1 to " + Drip.MAX_DAYS + ".", Drip.MAX_DAYS);
		}
		if (kind == Kind.DATE && date == null) {
			throw new ClubRefused("expiration.date", "rule.date-required", "An expiry on a date needs the date.");
		}
	}

	/**
	 * @param days days after the student's start
	 * @return the expiration
	 */
	public static Expiration afterDays(int days) {
		return new Expiration(Kind.DAYS, days, null);
	}

	/**
	 * @param date the instant the content closes
	 * @return the expiration
	 */
	public static Expiration onDate(Instant date) {
		return new Expiration(Kind.DATE, null, date);
	}

	/**
	 * @param start the student's start in the product
	 * @return the instant the content closes (exclusive), null when it never does
	 */
	public Instant expiresAt(Instant start) {
		return switch (this.kind) {
			case NEVER -> null;
			case DAYS -> start.plus(Duration.ofDays(this.days));
			case DATE -> this.date;
		};
	}

	/**
	 * How an expiry is computed.
	 */
	public enum Kind {

		/** Never. */
		NEVER,

		/** N days after the student's start. */
		DAYS,

		/** On a fixed date. */
		DATE

	}

}
