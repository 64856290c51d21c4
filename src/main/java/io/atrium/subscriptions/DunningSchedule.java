package io.atrium.subscriptions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A producer's dunning settings: when a failed charge is retried, and whether a DELAYED
 * subscription keeps access meanwhile (a grace period). A pure policy, no Spring.
 *
 * @param retryDays days from one attempt to the next retry (the first from the failed
 * charge), 0 to 8 retries of 1 to 30 days each; the default {@code 1,3,3,3} retries 4
 * times over 10 days
 * @param graceWhileDelayed whether a DELAYED subscription keeps access until it is
 * OVERDUE
 */
public record DunningSchedule(List<Integer> retryDays, boolean graceWhileDelayed) {

	/** Up to 4 retries over 10 days, access kept while they run. */
	public static final DunningSchedule DEFAULT = new DunningSchedule(List.of(1, 3, 3, 3), true);

	/** The most retries a producer may set. */
	public static final int MAX_RETRIES = 8;

	public DunningSchedule {
		if (retryDays == null || retryDays.size() > MAX_RETRIES
				|| retryDays.stream().anyMatch((d) -> d == null || d < 1 || d > 30)) {
			throw new IllegalArgumentException("Retries are 0 to 8 delays of 1 to 30 days: " + retryDays);
		}
		retryDays = List.copyOf(retryDays);
	}

	/**
	 * @param dueAt when the unpaid charge was due
	 * @param failedAttempts how many attempts at it failed so far (at least 1)
	 * @return when to try again, or null when no retry is left
	 */
	public Instant nextRetry(Instant dueAt, int failedAttempts) {
		if (failedAttempts < 1 || failedAttempts > this.retryDays.size()) {
			return null;
		}
		int days = 0;
		for (int i = 0; i < failedAttempts; i++) {
			days += this.retryDays.get(i);
		}
		return dueAt.plus(Duration.ofDays(days));
	}

	/**
	 * @param dueAt when the unpaid charge was due
	 * @return the end of the dunning window: the subscription becomes OVERDUE then if
	 * still unpaid (at the due date itself without retries)
	 */
	public Instant windowEnd(Instant dueAt) {
		return dueAt.plus(Duration.ofDays(this.retryDays.stream().mapToInt(Integer::intValue).sum()));
	}

	/**
	 * @return the retry delays as a producer types them, e.g. {@code 1,3,3,3}
	 */
	public String retryDaysText() {
		return String.join(",", this.retryDays.stream().map(String::valueOf).toList());
	}

}
