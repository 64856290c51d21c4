package io.atrium.platform;

import java.time.Duration;

/**
 * Counts attempts per key (an e-mail address, a client address, a student and a page…)
 * and says when a key has used its allowance: a token bucket per key of {@code perHour}
 * attempts, refilled gradually over an hour. Made by {@link AttemptLimits#limiter}; the
 * counts live in the database, shared by every instance and kept across restarts, and
 * limiters of the same scope count together.
 */
public final class AttemptLimiter {

	private final AttemptLimits limits;

	private final String scope;

	private final int perHour;

	AttemptLimiter(AttemptLimits limits, String scope, int perHour) {
		this.limits = limits;
		this.scope = scope;
		this.perHour = perHour;
	}

	/**
	 * @return how long the key must wait before its next attempt, zero when it may try
	 * now (counts nothing)
	 */
	public Duration waitFor(String key) {
		Long fullAt = this.limits.fullAt(this.scope, AttemptLimits.hash(key)).orElse(null);
		if (fullAt == null) {
			return Duration.ZERO;
		}
		long now = this.limits.now();
		long millis = Math.max(fullAt, now) + intervalMillis() - windowMillis() - now;
		return (millis <= 0) ? Duration.ZERO : Duration.ofMillis(Math.max(millis, 1000));
	}

	/** Counts one attempt of the key (beyond the limit it stays exhausted). */
	public void record(String key) {
		this.limits.consume(this, AttemptLimits.hash(key), this.limits.now());
	}

	/**
	 * Counts one attempt of every key if none of them is exhausted.
	 * @return zero when the attempt was counted; otherwise how long to wait, and nothing
	 * was counted
	 */
	public Duration tryAcquire(String... keys) {
		AttemptLimits.Attempt[] attempts = new AttemptLimits.Attempt[keys.length];
		for (int i = 0; i < keys.length; i++) {
			attempts[i] = attempt(keys[i]);
		}
		return this.limits.tryAcquire(attempts);
	}

	/** One attempt of the key in this limit, for {@link AttemptLimits#tryAcquire}. */
	public AttemptLimits.Attempt attempt(String key) {
		return new AttemptLimits.Attempt(this, key);
	}

	/** The allowance per key and hour. */
	public int perHour() {
		return this.perHour;
	}

	/** The limit's name; limiters of one scope share their counts. */
	public String scope() {
		return this.scope;
	}

	/** One attempt's share of the hour (the bucket refills one attempt per interval). */
	long intervalMillis() {
		return (AttemptLimits.PERIOD.toMillis() + this.perHour - 1) / this.perHour;
	}

	/**
	 * How long a key's whole allowance takes to refill (an hour, rounded up to whole
	 * intervals).
	 */
	long windowMillis() {
		return intervalMillis() * this.perHour;
	}

}
