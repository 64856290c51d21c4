package io.atrium.notifications.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

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

}
