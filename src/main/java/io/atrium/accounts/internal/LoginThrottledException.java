package io.atrium.accounts.internal;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * A log-in refused before the password was checked, because of too many failures on the
 * account or from the address.
 */
public class LoginThrottledException extends AuthenticationException {

	private final Duration wait;

	private final boolean byAddress;

	LoginThrottledException(Duration wait, boolean byAddress) {
		super("Too many failed log-ins; wait " + wait);
		this.wait = wait;
		this.byAddress = byAddress;
	}

	/**
	 * @return how long to wait
	 */
	public Duration waitTime() {
		return this.wait;
	}

	/**
	 * @return whether the client address (rather than the account) is throttled
	 */
	public boolean byAddress() {
		return this.byAddress;
	}

}
