package io.atrium.accounts.internal;

import java.time.Duration;

/**
 * How long an account must wait after consecutive failed log-ins: nothing for the first
 * three, then a growing pause (5, 10 … 35 seconds), then from the tenth failure a lock of
 * 15 minutes that doubles up to one hour. Whoever tries as fast as allowed gets far fewer
 * than 100 attempts an hour. Failures older than an hour are forgotten.
 */
public final class LoginThrottlePolicy {

	/** Failures from which the account is locked for minutes rather than slowed down. */
	public static final int LOCK_FROM = 10;

	/** Failures older than this no longer count. */
	public static final Duration MEMORY = Duration.ofHours(1);

	private static final Duration LONGEST_LOCK = Duration.ofHours(1);

	private LoginThrottlePolicy() {
	}

	/**
	 * @param consecutiveFailures failures since the last success, including the one just
	 * made
	 * @return how long the next attempt must wait
	 */
	public static Duration waitAfter(int consecutiveFailures) {
		if (consecutiveFailures < 3) {
			return Duration.ZERO;
		}
		if (consecutiveFailures < LOCK_FROM) {
			return Duration.ofSeconds(5L * (consecutiveFailures - 2));
		}
		int doublings = Math.min(consecutiveFailures - LOCK_FROM, 3);
		Duration lock = Duration.ofMinutes(15L << doublings);
		return (lock.compareTo(LONGEST_LOCK) > 0) ? LONGEST_LOCK : lock;
	}

}
