package io.atrium.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock that follows real time plus an offset tests can move forward. Tests that move
 * it call {@link #reset()} afterwards, because the application context is shared.
 */
public class TestClock extends Clock {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	/** Moves time forward. */
	public void advance(Duration duration) {
		this.offset.updateAndGet((d) -> d.plus(duration));
	}

	/**
	 * Moves time to an instant (forward or back); time goes on from there.
	 * @param instant the instant it is now
	 */
	public void set(Instant instant) {
		this.offset.set(Duration.between(Instant.now(), instant));
	}

	/** Back to real time. */
	public void reset() {
		this.offset.set(Duration.ZERO);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(Clock.system(zone), this.offset.get());
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.offset.get());
	}

	/** Makes the test clock the application's clock. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

}
