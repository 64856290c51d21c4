package io.atrium.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

/**
 * Counts attempts per key (an e-mail address, a client address, a student and a page…)
 * and says when a key has used its allowance: a Bucket4j token bucket per key of
 * {@code perHour} attempts, refilled gradually over an hour, kept in a Caffeine cache.
 * <p>
 * The buckets live in this instance's memory: N instances together allow up to N times
 * the limit, and a restart forgets them. Time comes from the application {@link Clock} so
 * tests can move it.
 */
public final class AttemptLimiter {

	private static final Duration PERIOD = Duration.ofHours(1);

	private final int perHour;

	private final TimeMeter time;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		// an idle bucket is full again after one period, so forgetting it later is exact
		.expireAfterAccess(PERIOD.multipliedBy(2))
		.maximumSize(100_000)
		.build();

	/**
	 * @param perHour attempts a key may make in an hour (at least one)
	 * @param clock the application clock
	 */
	public AttemptLimiter(int perHour, Clock clock) {
		if (perHour < 1) {
			throw new IllegalArgumentException("An attempt limit must allow at least one attempt an hour");
		}
		this.perHour = perHour;
		this.time = new TimeMeter() {

			@Override
			public long currentTimeNanos() {
				Instant now = clock.instant();
				return now.getEpochSecond() * 1_000_000_000L + now.getNano();
			}

			@Override
			public boolean isWallClockBased() {
				return true;
			}

		};
	}

	/**
	 * @return how long the key must wait before its next attempt, zero when it may try
	 * now (counts nothing)
	 */
	public Duration waitFor(String key) {
		Bucket bucket = this.buckets.getIfPresent(key);
		if (bucket == null) {
			return Duration.ZERO;
		}
		long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
		return (nanos <= 0) ? Duration.ZERO : Duration.ofNanos(Math.max(nanos, 1_000_000_000L));
	}

	/** Counts one attempt of the key (beyond the limit it stays exhausted). */
	public void record(String key) {
		this.buckets.get(key, (k) -> newBucket()).tryConsume(1);
	}

	/**
	 * Counts one attempt of every key if none of them is exhausted.
	 * @return zero when the attempt was counted; otherwise how long to wait, and nothing
	 * was counted
	 */
	public Duration tryAcquire(String... keys) {
		Duration wait = Duration.ZERO;
		for (String key : keys) {
			Duration w = waitFor(key);
			wait = (w.compareTo(wait) > 0) ? w : wait;
		}
		if (wait.isZero()) {
			for (String key : keys) {
				record(key);
			}
		}
		return wait;
	}

	/** The allowance per key and hour. */
	public int perHour() {
		return this.perHour;
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(this.perHour).refillGreedy(this.perHour, PERIOD).build())
			.withCustomTimePrecision(this.time)
			.build();
	}

}
