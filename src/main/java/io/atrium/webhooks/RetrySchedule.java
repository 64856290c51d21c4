package io.atrium.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: the Standard Webhooks schedule (immediately,
 * then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h after each failure), each
 * wait with ±20 % jitter so that a receiver coming back is not hit by every retry at
 * once, and never before the receiver's {@code Retry-After} (capped at a day). After the
 * tenth attempt fails the delivery is given up.
 */
public final class RetrySchedule {

	/** The waits after the first, second… failed attempt. */
	public static final List<Duration> WAITS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
			Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
			Duration.ofHours(14), Duration.ofHours(20), Duration.ofHours(24));

	/** Attempts in all: the first and one per wait. */
	public static final int ATTEMPTS = WAITS.size() + 1;

	private static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

	private RetrySchedule() {
	}

	/**
	 * @param failedAttempts how many attempts failed so far (1 after the first)
	 * @param retryAfter the receiver's {@code Retry-After}, or null
	 * @param now the time of the last failure
	 * @param random a uniform number in [0, 1) for the jitter
	 * @return when to try again, empty when the schedule ran out
	 */
	public static Optional<Instant> next(int failedAttempts, Duration retryAfter, Instant now, DoubleSupplier random) {
		if (failedAttempts < 1 || failedAttempts >= ATTEMPTS) {
			return Optional.empty();
		}
		Duration wait = WAITS.get(failedAttempts - 1);
		long millis = Math.round(wait.toMillis() * (0.8 + 0.4 * random.getAsDouble()));
		Duration jittered = Duration.ofMillis(millis);
		if (retryAfter != null && !retryAfter.isNegative()) {
			Duration asked = (retryAfter.compareTo(MAX_RETRY_AFTER) > 0) ? MAX_RETRY_AFTER : retryAfter;
			if (asked.compareTo(jittered) > 0) {
				jittered = asked;
			}
		}
		return Optional.of(now.plus(jittered));
	}

	/**
	 * @param header a {@code Retry-After} value: seconds, or an HTTP date
	 * @param now the time it was received
	 * @return the wait it asks for, empty when absent or unreadable
	 */
	public static Optional<Duration> retryAfter(String header, Instant now) {
		if (header == null || header.isBlank()) {
			return Optional.empty();
		}
		String value = header.strip();
		if (value.matches("\\d{1,9}")) {
			return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
		}
		try {
			Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
