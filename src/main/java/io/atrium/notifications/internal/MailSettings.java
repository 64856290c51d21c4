package io.atrium.notifications.internal;

import java.time.Duration;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of outgoing e-mail ({@code atrium.mail.*}); the SMTP server itself is
 * configured through Spring Boot's {@code spring.mail.*}.
 *
 * @param from the sender of every message ({@code ATRIUM_MAIL_FROM})
 * @param retry how failed deliveries are retried
 */
@ConfigurationProperties("atrium.mail")
public record MailSettings(@DefaultValue("Atrium <no-reply@localhost>") String from, @DefaultValue Retry retry) {

	/**
	 * @return the domain of the sender's address ({@code localhost} when it has none),
	 * for the messages' {@code Message-ID}
	 */
	public String senderDomain() {
		try {
			String address = new InternetAddress(this.from).getAddress();
			int at = (address != null) ? address.lastIndexOf('@') : -1;
			return (at >= 0 && at < address.length() - 1) ? address.substring(at + 1) : "localhost";
		}
		catch (AddressException ex) {
			return "localhost";
		}
	}

	/**
	 * Retries of a delivery the SMTP server did not accept: db-scheduler's exponential
	 * backoff, then give up. With the defaults (30 s, factor 2, 10 attempts) the waits
	 * are 30 s, 1 min, 2 min … 2 h 8 min, about 4 h 15 min in all before the message is
	 * marked FAILED.
	 *
	 * @param initialDelay the wait after the first failure, positive
	 * @param factor how much each further wait grows, at least 1
	 * @param maxAttempts after this many failed attempts the message is FAILED, at least
	 * 1
	 */
	public record Retry(@DefaultValue("30s") Duration initialDelay, @DefaultValue("2") double factor,
			@DefaultValue("10") int maxAttempts) {

		public Retry {
			if (initialDelay == null || initialDelay.isNegative() || initialDelay.isZero()) {
				throw new IllegalArgumentException("atrium.mail.retry.initial-delay must be positive: " + initialDelay);
			}
			if (factor < 1) {
				throw new IllegalArgumentException("atrium.mail.retry.factor must be at least 1: " + factor);
			}
			if (maxAttempts < 1) {
				throw new IllegalArgumentException("atrium.mail.retry.max-attempts must be at least 1: " + maxAttempts);
			}
		}

	}

}
