package io.atrium.accounts.internal;

import java.time.Duration;

import io.atrium.platform.AttemptLimiter;
import io.atrium.platform.AttemptLimits;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits failed log-ins per client address (default 30 an hour, refilled gradually), on
 * top of the per-account limit, so one address cannot try many accounts. Counted in the
 * database, by every instance together ({@link AttemptLimits}).
 */
@Component
class AddressThrottle {

	private final AttemptLimiter failures;

	AddressThrottle(@Value("${atrium.login.failures-per-address-per-hour:30}") int perHour, AttemptLimits limits) {
		this.failures = limits.limiter("login-client", perHour);
	}

	/**
	 * @return how long the address must wait before it may try again, zero when it may
	 */
	Duration waitFor(String address) {
		return this.failures.waitFor(address);
	}

	void recordFailure(String address) {
		this.failures.record(address);
	}

}
