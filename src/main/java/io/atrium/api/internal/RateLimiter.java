package io.atrium.api.internal;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Per-credential rate limiting (hotmart-api.md §2.2): a fixed one-minute window of
 * {@code atrium.api.rate-limit-per-minute} calls (default 500), reads and writes
 * together. API calls are counted per credential, token requests per client id, in
 * separate buckets.
 * <p>
 * Known limitation: the buckets live in this instance's memory (Bucket4j in a Caffeine
 * cache), so N instances together allow up to N times the limit. A shared store (Bucket4j
 * over JDBC or Redis) would make it exact; revisit when Atrium runs on many instances.
 * Time comes from a monotonic clock, not the application {@code Clock}: a rate window
 * must not jump when the wall clock does.
 */
@Component
public class RateLimiter {

	private static final Duration WINDOW = Duration.ofMinutes(1);

	private final int limit;

	private final TimeMeter time;

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.maximumSize(100_000)
		// an idle bucket refills completely within one window, so forgetting it is exact
		.expireAfterAccess(WINDOW.multipliedBy(2))
		.build();

	@Autowired
	public RateLimiter(ApiProperties properties) {
		this(properties.rateLimitPerMinute(), TimeMeter.SYSTEM_NANOTIME);
	}

	RateLimiter(int limit, TimeMeter time) {
		this.limit = limit;
		this.time = time;
	}

	/**
	 * The outcome of one call against its bucket.
	 *
	 * @param allowed whether the call may proceed
	 * @param limit calls per window
	 * @param remaining calls left in this window
	 * @param resetSeconds whole seconds until the window resets
	 * @param retryAfterSeconds when refused, whole seconds to wait; else 0
	 */
	public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

	}

	/**
	 * Counts an API call of a credential.
	 * @param credentialId the calling credential
	 * @return whether it is allowed, with the numbers for the rate-limit headers
	 */
	public Decision apiCall(long credentialId) {
		return consume("api:" + credentialId);
	}

	/**
	 * Counts a token request of a client id (before its secret is checked).
	 * @param clientId the presented client id
	 * @return whether it is allowed, with the numbers for the rate-limit headers
	 */
	public Decision tokenRequest(String clientId) {
		return consume("token:" + clientId);
	}

	private Decision consume(String key) {
		Bucket bucket = this.buckets.get(key,
				(k) -> Bucket.builder()
					.addLimit((l) -> l.capacity(this.limit).refillIntervally(this.limit, WINDOW))
					.withCustomTimePrecision(this.time)
					.build());
		ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
		long reset = seconds(probe.getNanosToWaitForReset());
		if (probe.isConsumed()) {
			return new Decision(true, this.limit, probe.getRemainingTokens(), reset, 0);
		}
		return new Decision(false, this.limit, 0, reset, Math.max(1, seconds(probe.getNanosToWaitForRefill())));
	}

	private static long seconds(long nanos) {
		return (nanos + 999_999_999L) / 1_000_000_000L;
	}

}
