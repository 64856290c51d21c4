package io.atrium.accounts.internal;

import java.time.Clock;
import java.time.Duration;

import io.atrium.platform.AttemptLimiter;
import io.atrium.shared.EmailAddress;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits the forms that send e-mail (sign-up, "Forgot your password?", "send the
 * activation link again") per e-mail address and per client address, so nobody can flood
 * a mailbox or use Atrium to send mail in bulk. Every request counts, whether or not the
 * address has an account, so being refused tells nothing about accounts. Kept in this
 * instance's memory ({@link AttemptLimiter}); see docs/operations.md.
 */
@Component
public class MailFormLimits {

	private final AttemptLimiter perEmail;

	private final AttemptLimiter perClient;

	MailFormLimits(@Value("${atrium.mail-forms.per-email-per-hour:5}") int perEmail,
			@Value("${atrium.mail-forms.per-client-per-hour:20}") int perClient, Clock clock) {
		this.perEmail = new AttemptLimiter(perEmail, clock);
		this.perClient = new AttemptLimiter(perClient, clock);
	}

	/**
	 * Counts one request for the address from the client, unless either has used its
	 * allowance.
	 * @return zero when the request may send its e-mail; otherwise how long to wait
	 * (nothing was counted)
	 */
	public synchronized Duration tryAcquire(EmailAddress email, String clientAddress) {
		Duration emailWait = this.perEmail.waitFor(email.value());
		Duration clientWait = this.perClient.waitFor(clientAddress);
		Duration wait = (emailWait.compareTo(clientWait) > 0) ? emailWait : clientWait;
		if (wait.isZero()) {
			this.perEmail.record(email.value());
			this.perClient.record(clientAddress);
		}
		return wait;
	}

}
