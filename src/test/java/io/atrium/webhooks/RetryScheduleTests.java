package io.atrium.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Standard Webhooks retry schedule with its jitter and {@code Retry-After}.
 */
class RetryScheduleTests {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	@Test
	void theWaitsAreTheStandardWebhooksScheduleWithin20Percent() {
		Duration[] expected = { Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
				Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(14),
				Duration.ofHours(20), Duration.ofHours(24) };
		for (int failed = 1; failed <= 9; failed++) {
			Duration wait = expected[failed - 1];
			assertThat(RetrySchedule.next(failed, null, NOW, () -> 0.0))
				.contains(NOW.plus(wait.multipliedBy(8).dividedBy(10)));
			assertThat(RetrySchedule.next(failed, null, NOW, () -> 0.5)).contains(NOW.plus(wait));
			assertThat(RetrySchedule.next(failed, null, NOW, () -> 0.9999999))
				.hasValueSatisfying((at) -> assertThat(Duration.between(NOW, at))
					.isLessThanOrEqualTo(wait.multipliedBy(12).dividedBy(10)));
		}
	}

	@Test
	void afterTheTenthFailedAttemptTheDeliveryIsGivenUp() {
		assertThat(RetrySchedule.ATTEMPTS).isEqualTo(10);
		assertThat(RetrySchedule.next(10, null, NOW, () -> 0.5)).isEmpty();
	}

	@Test
	void retryAfterIsHonouredWhenLongerAndCappedAtADay() {
		assertThat(RetrySchedule.next(1, Duration.ofSeconds(60), NOW, () -> 0.5)).contains(NOW.plusSeconds(60));
		assertThat(RetrySchedule.next(2, Duration.ofSeconds(60), NOW, () -> 0.5))
			.contains(NOW.plus(Duration.ofMinutes(5)));
		assertThat(RetrySchedule.next(1, Duration.ofDays(30), NOW, () -> 0.5)).contains(NOW.plus(Duration.ofDays(1)));
	}

	@Test
	void retryAfterIsReadAsSecondsOrAnHttpDate() {
		assertThat(RetrySchedule.retryAfter("120", NOW)).contains(Duration.ofSeconds(120));
		String date = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(ZonedDateTime.ofInstant(NOW.plusSeconds(90), ZoneOffset.UTC));
		assertThat(RetrySchedule.retryAfter(date, NOW)).contains(Duration.ofSeconds(90));
		assertThat(RetrySchedule.retryAfter("soon", NOW)).isEmpty();
		assertThat(RetrySchedule.retryAfter(null, NOW)).isEmpty();
	}

}
