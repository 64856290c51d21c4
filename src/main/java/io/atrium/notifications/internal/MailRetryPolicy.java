package io.atrium.notifications.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * When to try a failed delivery again: exponential backoff, then give up. With the
 * defaults (30 s, factor 2, 10 attempts) the waits are 30 s, 1 min, 2 min … 2 h 8 min,
 * about 4 h 15 min in all before the message is marked FAILED.
 *
 * @param initialDelay the wait after the first failed attempt
 * @param factor how much each further wait grows, at least 1
 * @param maxAttempts how many attempts are made in all, at least 1
 */
public record MailRetryPolicy(Duration initialDelay, double factor, int maxAttempts) {

	/** No single wait is longer than this, whatever the settings. */
	static final Duration MAX_DELAY = Duration.ofHours(6);

	public MailRetryPolicy {
		if (initialDelay == null || initialDelay.isNegative() || initialDelay.isZero()) {
			throw new IllegalArgumentException("initialDelay must be positive: " + initialDelay);
		}
		if (factor < 1) {
			throw new IllegalArgumentException("factor must be at least 1: " + factor);
		}
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
		}
	}

	/**
	 * @param failedAttempts how many attempts have failed so far, at least 1
	 * @return the wait before the next attempt, or empty when it is time to give up
	 */
	public Optional<Duration> delayAfter(int failedAttempts) {
		if (failedAttempts < 1) {
			throw new IllegalArgumentException("failedAttempts must be at least 1: " + failedAttempts);
		}
		if (failedAttempts >= this.maxAttempts) {
			return Optional.empty();
		}
		double millis = this.initialDelay.toMillis() * Math.pow(this.factor, failedAttempts - 1);
		return Optional.of((millis >= MAX_DELAY.toMillis()) ? MAX_DELAY : Duration.ofMillis(Math.round(millis)));
	}

}
