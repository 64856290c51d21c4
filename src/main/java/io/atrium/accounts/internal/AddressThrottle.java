package io.atrium.accounts.internal;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits failed log-ins per client address (default 30 an hour, refilled gradually), on
 * top of the per-account limit, so one address cannot try many accounts. Kept in this
 * instance's memory.
 */
@Component
class AddressThrottle {

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofHours(2))
		.maximumSize(100_000)
		.build();

	private final int perHour;

	AddressThrottle(@Value("${atrium.login.failures-per-address-per-hour:30}") int perHour) {
		this.perHour = perHour;
	}

	/**
	 * @return how long the address must wait before it may try again, zero when it may
	 */
	Duration waitFor(String address) {
		Bucket bucket = this.buckets.getIfPresent(address);
		if (bucket == null || bucket.getAvailableTokens() > 0) {
			return Duration.ZERO;
		}
		long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
		return Duration.ofNanos(Math.max(nanos, 1_000_000_000L));
	}

	void recordFailure(String address) {
		this.buckets.get(address, (key) -> Bucket.builder()
			.addLimit(
					Bandwidth.builder().capacity(this.perHour).refillGreedy(this.perHour, Duration.ofHours(1)).build())
			.build()).tryConsume(1);
	}

}
