package io.atrium.notifications.internal;

import java.time.Duration;

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
	 * Retries of a delivery the SMTP server did not accept.
	 *
	 * @param initialDelay the wait after the first failure
	 * @param factor how much each further wait grows
	 * @param maxAttempts after this many failed attempts the message is FAILED
	 */
	public record Retry(@DefaultValue("30s") Duration initialDelay, @DefaultValue("2") double factor,
			@DefaultValue("10") int maxAttempts) {

		/**
		 * @return the retry policy these settings describe
		 */
		public MailRetryPolicy policy() {
			return new MailRetryPolicy(this.initialDelay, this.factor, this.maxAttempts);
		}

	}

}
