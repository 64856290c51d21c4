package io.atrium.accounts.internal;

import java.time.Duration;

import io.atrium.platform.AttemptLimiter;
import io.atrium.platform.AttemptLimits;
import io.atrium.shared.EmailAddress;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits the forms that send e-mail (sign-up, "Forgot your password?", "send the
 * activation link again") per e-mail address and per client address, so nobody can flood
 * a mailbox or use Atrium to send mail in bulk. Every request counts, whether or not the
 * address has an account, so being refused tells nothing about accounts. Counted in the
 * database, by every instance together ({@link AttemptLimits}); see docs/operations.md.
 */
@Component
public class MailFormLimits {

	private final AttemptLimits limits;

	private final AttemptLimiter perEmail;

	private final AttemptLimiter perClient;

	MailFormLimits(@Value("${atrium.mail-forms.per-email-per-hour:5}") int perEmail,
			@Value("${atrium.mail-forms.per-client-per-hour:20}") int perClient, AttemptLimits limits) {
		this.limits = limits;
		this.perEmail = limits.limiter("mail-form-email", perEmail);
		this.perClient = limits.limiter("mail-form-client", perClient);
	}

	/**
	 * Counts one request for the address from the client, unless either has used its
	 * allowance.
	 * @return zero when the request may send its e-mail; otherwise how long to wait
	 * (nothing was counted)
	 */
	public Duration tryAcquire(EmailAddress email, String clientAddress) {
		return this.limits.tryAcquire(this.perEmail.attempt(email.value()), this.perClient.attempt(clientAddress));
	}

}
