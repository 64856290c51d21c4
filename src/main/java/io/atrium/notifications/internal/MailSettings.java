package io.atrium.notifications.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

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
 * @param batchSize the most messages one batch claims and sends over one SMTP connection
 * @param claim how long a batch holds its messages: an instance that dies while sending
 * leaves them to another instance after this
 * @param pollInterval how often due messages are looked for besides the wake-up after
 * each commit that queued mail (retries, messages a dead instance held)
 * @param connections how many batches one instance sends at once, each over its own SMTP
 * connection
 */
@ConfigurationProperties("atrium.mail")
public record MailSettings(@DefaultValue("Atrium <no-reply@localhost>") String from, @DefaultValue Retry retry,
		@DefaultValue("50") int batchSize, @DefaultValue("2m") Duration claim,
		@DefaultValue("1s") Duration pollInterval, @DefaultValue("2") int connections) {

	public MailSettings {
		if (batchSize < 1) {
			throw new IllegalArgumentException("atrium.mail.batch-size must be at least 1: " + batchSize);
		}
		if (claim == null || claim.isNegative() || claim.isZero()) {
			throw new IllegalArgumentException("atrium.mail.claim must be positive: " + claim);
		}
		if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException("atrium.mail.poll-interval must be positive: " + pollInterval);
		}
		if (connections < 1) {
			throw new IllegalArgumentException("atrium.mail.connections must be at least 1: " + connections);
		}
	}

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
	 * Retries of a delivery the SMTP server did not accept: an exponential backoff, then
	 * give up. With the defaults (30 s, factor 2, 10 attempts) the waits are 30 s, 1 min,
	 * 2 min … 2 h 8 min, about 4 h 15 min in all before the message is marked FAILED.
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

		/**
		 * When a message that failed is attempted again.
		 * @param failures how many attempts of the current round failed, the last one
		 * included (at least 1)
		 * @param failedAt when the last attempt failed
		 * @return {@code failedAt + initialDelay × factor^(failures − 1)}, or empty when
		 * that was the last attempt and the message is given up
		 */
		public Optional<Instant> nextAttempt(int failures, Instant failedAt) {
			if (failures >= this.maxAttempts) {
				return Optional.empty();
			}
			double millis = this.initialDelay.toMillis() * Math.pow(this.factor, Math.max(0, failures - 1));
			return Optional.of(failedAt.plusMillis((long) Math.min(millis, Long.MAX_VALUE / 4)));
		}

	}

}
