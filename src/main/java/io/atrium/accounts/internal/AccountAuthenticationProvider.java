package io.atrium.accounts.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.atrium.shared.EmailAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Log-in with e-mail and password, throttled per account ({@link LoginThrottlePolicy})
 * and per client address ({@link AddressThrottle}). Unknown addresses cost the same
 * password-hash work as known ones, and pending accounts fail like a wrong password, so
 * answers do not reveal which addresses have accounts.
 */
@Component
class AccountAuthenticationProvider implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(AccountAuthenticationProvider.class);

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	private final AddressThrottle addresses;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final String dummyHash;

	AccountAuthenticationProvider(AccountRepository accounts, PasswordEncoder passwords, AddressThrottle addresses,
			Clock clock, TransactionTemplate transactions) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.addresses = addresses;
		this.clock = clock;
		this.transactions = transactions;
		this.dummyHash = passwords.encode("not a real password, only here to spend the same time");
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String address = clientAddress(authentication);
		Duration addressWait = this.addresses.waitFor(address);
		if (!addressWait.isZero()) {
			throw new LoginThrottledException(addressWait, true);
		}
		String input = String.valueOf(authentication.getPrincipal());
		String password = String.valueOf(authentication.getCredentials());
		Optional<AccountRecord> found = EmailAddress.isValidInput(input)
				? this.accounts.findByEmail(EmailAddress.of(input).value()) : Optional.empty();
		Instant now = this.clock.instant();
		if (found.isPresent() && found.get().lockedUntil() != null && found.get().lockedUntil().isAfter(now)) {
			throw new LoginThrottledException(Duration.between(now, found.get().lockedUntil()), false);
		}
		AccountRecord account = found.orElse(null);
		String hash = (account != null && account.passwordHash() != null) ? account.passwordHash() : this.dummyHash;
		boolean matches = this.passwords.matches(password, hash);
		if (account == null || !matches || !account.active() || account.passwordHash() == null) {
			this.addresses.recordFailure(address);
			if (account != null) {
				recordFailure(account, now);
			}
			throw new BadCredentialsException("Wrong e-mail or password");
		}
		// most log-ins follow no failure and find the hash current: nothing to write then
		boolean upgrade = this.passwords.upgradeEncoding(account.passwordHash());
		if (account.failedLogins() > 0 || account.lockedUntil() != null || upgrade) {
			this.transactions.executeWithoutResult((status) -> {
				this.accounts.recordSuccessfulLogin(account.id());
				if (upgrade) {
					this.accounts.setPassword(account.id(), this.passwords.encode(password), now);
				}
			});
		}
		log.info("Account {} logged in", account.id());
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken
			.authenticated(account.principal(), null, account.principal().getAuthorities());
		result.setDetails(authentication.getDetails());
		return result;
	}

	private void recordFailure(AccountRecord account, Instant now) {
		boolean recent = account.lastFailedLogin() != null
				&& account.lastFailedLogin().isAfter(now.minus(LoginThrottlePolicy.MEMORY));
		int failures = (recent ? account.failedLogins() : 0) + 1;
		Duration wait = LoginThrottlePolicy.waitAfter(failures);
		this.accounts.recordFailedLogin(account.id(), failures, now, wait.isZero() ? null : now.plus(wait));
		if (failures >= LoginThrottlePolicy.LOCK_FROM) {
			log.warn("Account {} locked for {} after {} failed log-ins", account.id(), wait, failures);
		}
	}

	private static String clientAddress(Authentication authentication) {
		if (authentication.getDetails() instanceof WebAuthenticationDetails details
				&& details.getRemoteAddress() != null) {
			return details.getRemoteAddress();
		}
		return "unknown";
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
