package io.atrium.accounts.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottlePolicyTests {

	@Test
	void firstFailuresCostNothingThenSlowDownThenLock() {
		assertThat(LoginThrottlePolicy.waitAfter(1)).isZero();
		assertThat(LoginThrottlePolicy.waitAfter(2)).isZero();
		assertThat(LoginThrottlePolicy.waitAfter(3)).isEqualTo(Duration.ofSeconds(5));
		assertThat(LoginThrottlePolicy.waitAfter(9)).isEqualTo(Duration.ofSeconds(35));
		assertThat(LoginThrottlePolicy.waitAfter(10)).isEqualTo(Duration.ofMinutes(15));
		assertThat(LoginThrottlePolicy.waitAfter(11)).isEqualTo(Duration.ofMinutes(30));
		assertThat(LoginThrottlePolicy.waitAfter(12)).isEqualTo(Duration.ofHours(1));
		assertThat(LoginThrottlePolicy.waitAfter(500)).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void anAttackerTryingAsFastAsAllowedGetsFarFewerThan100AttemptsAnHour() {
		for (int startFailures = 0; startFailures < 20; startFailures++) {
			Duration elapsed = Duration.ZERO;
			int failures = startFailures;
			int attempts = 0;
			while (elapsed.compareTo(Duration.ofHours(1)) < 0) {
				attempts++;
				failures++;
				elapsed = elapsed.plus(LoginThrottlePolicy.waitAfter(failures)).plusMillis(1);
			}
			assertThat(attempts).as("attempts in an hour after %d earlier failures", startFailures).isLessThan(100);
		}
	}

}
