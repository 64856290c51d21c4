package io.atrium.events.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * When an incomplete event publication is due for another resubmission: first when it is
 * {@code first} old, then after waits that double with every attempt ({@code first},
 * {@code 2·first}, {@code 4·first}…) up to {@code max}. A listener that keeps failing is
 * retried for ever, but at most once per {@code max}, so it never spins.
 *
 * @param first the age before the first resubmission and the first wait
 * @param max the longest wait
 */
public record RetryBackoff(Duration first, Duration max) {

	public RetryBackoff {
		if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
			throw new IllegalArgumentException("Need 0 < first <= max, got " + first + " and " + max);
		}
	}

	/**
	 * @param attempts how many times it was resubmitted already
	 * @return the wait after the last resubmission before the next one
	 */
	public Duration waitAfter(int attempts) {
		Duration wait = this.first;
		for (int i = 1; i < attempts && wait.compareTo(this.max) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.max) > 0) ? this.max : wait;
	}

	/**
	 * @param publishedAt when the event was published
	 * @param lastResubmittedAt when it was last resubmitted, or null
	 * @param attempts how many times it was resubmitted
	 * @param now the time now
	 * @return whether it should be resubmitted now
	 */
	public boolean due(Instant publishedAt, Instant lastResubmittedAt, int attempts, Instant now) {
		if (now.isBefore(publishedAt.plus(this.first))) {
			return false;
		}
		return lastResubmittedAt == null || !now.isBefore(lastResubmittedAt.plus(waitAfter(attempts)));
	}

}
