package io.atrium.events.internal;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryBackoffTests {

	private final RetryBackoff backoff = new RetryBackoff(Duration.ofMinutes(1), Duration.ofHours(1));

	private final Instant published = Instant.parse("2026-03-01T10:00:00Z");

	@Test
	void theFirstRetryWaitsUntilThePublicationIsOldEnough() {
		assertThat(this.backoff.due(this.published, null, 0, this.published.plusSeconds(59))).isFalse();
		assertThat(this.backoff.due(this.published, null, 0, this.published.plusSeconds(60))).isTrue();
	}

	@Test
	void waitsDoubleWithEveryAttemptUpToTheMaximum() {
		assertThat(this.backoff.waitAfter(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(this.backoff.waitAfter(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(this.backoff.waitAfter(4)).isEqualTo(Duration.ofMinutes(8));
		assertThat(this.backoff.waitAfter(7)).isEqualTo(Duration.ofHours(1));
		assertThat(this.backoff.waitAfter(10_000)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void aFailingPublicationIsNotRetriedBeforeItsWaitEnded() {
		Instant last = this.published.plus(Duration.ofMinutes(10));
		assertThat(this.backoff.due(this.published, last, 3, last.plus(Duration.ofMinutes(3)))).isFalse();
		assertThat(this.backoff.due(this.published, last, 3, last.plus(Duration.ofMinutes(4)))).isTrue();
	}

	@Test
	void refusesABackoffThatWouldSpin() {
		assertThatThrownBy(() -> new RetryBackoff(Duration.ZERO, Duration.ofMinutes(1)))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
