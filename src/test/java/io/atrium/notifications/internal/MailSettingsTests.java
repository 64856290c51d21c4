package io.atrium.notifications.internal;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

class MailSettingsTests {

	@Test
	void acceptsTheDefaultsAndASingleAttempt() {
		assertThatNoException().isThrownBy(() -> new MailSettings.Retry(Duration.ofSeconds(30), 2, 10));
		assertThatNoException().isThrownBy(() -> new MailSettings.Retry(Duration.ofMillis(1), 1, 1));
	}

	@Test
	void rejectsRetrySettingsThatMakeNoSense() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MailSettings.Retry(Duration.ZERO, 2, 10))
			.withMessageContaining("initial-delay");
		assertThatIllegalArgumentException().isThrownBy(() -> new MailSettings.Retry(Duration.ofSeconds(-1), 2, 10));
		assertThatIllegalArgumentException().isThrownBy(() -> new MailSettings.Retry(null, 2, 10));
		assertThatIllegalArgumentException().isThrownBy(() -> new MailSettings.Retry(Duration.ofSeconds(1), 0.5, 10))
			.withMessageContaining("factor");
		assertThatIllegalArgumentException().isThrownBy(() -> new MailSettings.Retry(Duration.ofSeconds(1), 2, 0))
			.withMessageContaining("max-attempts");
	}

	@Test
	void eachFailureWaitsFactorTimesLongerUntilTheLastAttempt() {
		MailSettings.Retry retry = new MailSettings.Retry(Duration.ofSeconds(30), 2, 4);
		Instant failed = Instant.parse("2026-12-07T10:00:00Z");
		assertThat(retry.nextAttempt(1, failed)).contains(failed.plusSeconds(30));
		assertThat(retry.nextAttempt(2, failed)).contains(failed.plusSeconds(60));
		assertThat(retry.nextAttempt(3, failed)).contains(failed.plusSeconds(120));
		assertThat(retry.nextAttempt(4, failed)).as("the fourth attempt was the last").isEmpty();
	}

	@Test
	void rejectsBatchSettingsThatMakeNoSense() {
		MailSettings.Retry retry = new MailSettings.Retry(Duration.ofSeconds(30), 2, 10);
		assertThatNoException()
			.isThrownBy(() -> new MailSettings("a@b.test", retry, 1, Duration.ofSeconds(1), Duration.ofMillis(100), 1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MailSettings("a@b.test", retry, 0, Duration.ofMinutes(2), Duration.ofSeconds(1), 2))
			.withMessageContaining("batch-size");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MailSettings("a@b.test", retry, 50, Duration.ZERO, Duration.ofSeconds(1), 2))
			.withMessageContaining("claim");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MailSettings("a@b.test", retry, 50, Duration.ofMinutes(2), null, 2))
			.withMessageContaining("poll-interval");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new MailSettings("a@b.test", retry, 50, Duration.ofMinutes(2), Duration.ofSeconds(1), 0))
			.withMessageContaining("connections");
	}

}
