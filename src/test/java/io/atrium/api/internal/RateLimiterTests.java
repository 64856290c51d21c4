package io.atrium.api.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.TimeMeter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimiterTests {

	private final AtomicLong nanos = new AtomicLong();

	private final RateLimiter limiter = new RateLimiter(3, new TimeMeter() {

		@Override
		public long currentTimeNanos() {
			return RateLimiterTests.this.nanos.get();
		}

		@Override
		public boolean isWallClockBased() {
			return false;
		}

	});

	@Test
	void aFixedWindowOfOneMinute() {
		assertThat(this.limiter.apiCall(1).remaining()).isEqualTo(2);
		assertThat(this.limiter.apiCall(1).remaining()).isEqualTo(1);
		RateLimiter.Decision last = this.limiter.apiCall(1);
		assertThat(last.allowed()).isTrue();
		assertThat(last.remaining()).isZero();
		assertThat(last.resetSeconds()).isEqualTo(60);

		advance(Duration.ofSeconds(20));
		RateLimiter.Decision refused = this.limiter.apiCall(1);
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfterSeconds()).isEqualTo(40);
		assertThat(refused.resetSeconds()).isEqualTo(40);

		advance(Duration.ofSeconds(40));
		RateLimiter.Decision renewed = this.limiter.apiCall(1);
		assertThat(renewed.allowed()).isTrue();
		assertThat(renewed.remaining()).isEqualTo(2);
	}

	@Test
	void bucketsAreSeparatePerCredentialAndForTokenRequests() {
		for (int i = 0; i < 3; i++) {
			this.limiter.apiCall(7);
		}
		assertThat(this.limiter.apiCall(7).allowed()).isFalse();
		assertThat(this.limiter.apiCall(8).allowed()).isTrue();
		assertThat(this.limiter.tokenRequest("7").allowed()).isTrue();
		assertThat(this.limiter.apiCall(7).limit()).isEqualTo(3);
	}

	private void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

}
