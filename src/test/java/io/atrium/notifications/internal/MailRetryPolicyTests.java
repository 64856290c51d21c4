package io.atrium.notifications.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MailRetryPolicyTests {

	private final MailRetryPolicy defaults = new MailSettings.Retry(Duration.ofSeconds(30), 2, 10).policy();

	@Test
	void waitsLongerAfterEachFailure() {
		assertThat(this.defaults.delayAfter(1)).contains(Duration.ofSeconds(30));
		assertThat(this.defaults.delayAfter(2)).contains(Duration.ofSeconds(60));
		assertThat(this.defaults.delayAfter(3)).contains(Duration.ofSeconds(120));
		assertThat(this.defaults.delayAfter(9)).contains(Duration.ofSeconds(7680));
	}

	@Test
	void givesUpAfterTheLastAttempt() {
		assertThat(this.defaults.delayAfter(10)).isEmpty();
		assertThat(this.defaults.delayAfter(11)).isEmpty();
		assertThat(new MailRetryPolicy(Duration.ofSeconds(1), 2, 1).delayAfter(1)).isEmpty();
	}

	@Test
	void retriesForAboutFourHoursInAll() {
		Duration total = Duration.ZERO;
		for (int failed = 1; this.defaults.delayAfter(failed).isPresent(); failed++) {
			total = total.plus(this.defaults.delayAfter(failed).get());
		}
		assertThat(total).isEqualTo(Duration.ofSeconds(30 * 511));
	}

	@Test
	void neverWaitsLongerThanTheCap() {
		MailRetryPolicy steep = new MailRetryPolicy(Duration.ofHours(1), 10, 50);
		assertThat(steep.delayAfter(1)).contains(Duration.ofHours(1));
		assertThat(steep.delayAfter(2)).contains(MailRetryPolicy.MAX_DELAY);
		assertThat(steep.delayAfter(40)).contains(MailRetryPolicy.MAX_DELAY);
	}

	@Test
	void rejectsSettingsThatMakeNoSense() {
		assertThatIllegalArgumentException().isThrownBy(() -> new MailRetryPolicy(Duration.ZERO, 2, 10));
		assertThatIllegalArgumentException().isThrownBy(() -> new MailRetryPolicy(Duration.ofSeconds(1), 0.5, 10));
		assertThatIllegalArgumentException().isThrownBy(() -> new MailRetryPolicy(Duration.ofSeconds(1), 2, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> this.defaults.delayAfter(0));
	}

}
