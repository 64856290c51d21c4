package io.atrium.accounts.internal;

import java.time.Clock;
import java.time.Duration;

import io.atrium.platform.AttemptLimiter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits failed log-ins per client address (default 30 an hour, refilled gradually), on
 * top of the per-account limit, so one address cannot try many accounts. Kept in this
 * instance's memory ({@link AttemptLimiter}).
 */
@Component
class AddressThrottle {

	private final AttemptLimiter failures;

	AddressThrottle(@Value("${atrium.login.failures-per-address-per-hour:30}") int perHour, Clock clock) {
		this.failures = new AttemptLimiter(perHour, clock);
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
