package io.atrium.notifications.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Delivers one outbox message; run by the {@code send-mail} task after the transaction
 * that queued it committed. A message queued unrendered is rendered first
 * ({@link MailRendering}); a template failure counts as a failed attempt.
 * <p>
 * With an SMTP server configured ({@code spring.mail.host}) the message is sent as
 * multipart text + HTML from {@code atrium.mail.from} and marked SENT; a failure is
 * recorded on the row (attempts, last error) and rethrown so the scheduler retries it
 * ({@link SendMailTask#retries}). Without an SMTP server it is marked MAILBOX: the admin
 * reads it on the mailbox page.
 * <p>
 * Idempotent: a message that is no longer PENDING is left alone. The one gap is a crash
 * (or lost database connection) after the SMTP server accepted the message and before
 * SENT is stored; the scheduler then runs the execution again and the recipient gets the
 * message twice. Mail is at-least-once, never lost, and a repeat carries the same
 * {@code Message-ID} (made from the outbox id), so mail clients show it once.
 */
@Component
class MailDelivery {

	private static final Logger logger = LoggerFactory.getLogger(MailDelivery.class);

	private final OutboxRepository outbox;

	private final ObjectProvider<JavaMailSender> senders;

	private final boolean smtpConfigured;

	private final MailSettings settings;

	private final OutboxMetrics metrics;

	private final MailRendering rendering;

	private final Clock clock;

	MailDelivery(OutboxRepository outbox, ObjectProvider<JavaMailSender> senders,
			@Value("${spring.mail.host:}") String smtpHost, MailSettings settings, OutboxMetrics metrics,
			MailRendering rendering, Clock clock) {
		this.outbox = outbox;
		this.rendering = rendering;
		this.senders = senders;
		this.smtpConfigured = StringUtils.hasText(smtpHost);
		this.settings = settings;
		this.metrics = metrics;
		this.clock = clock;
		checkSender(settings.from());
		if (!this.smtpConfigured) {
			logger.info("No SMTP server configured (spring.mail.host): e-mail goes to the mailbox page /admin/mailbox");
		}
	}

	boolean smtpConfigured() {
		return this.smtpConfigured;
	}

	void deliver(long id) {
		Optional<OutboxMessage> found = this.outbox.find(id);
		if (found.isEmpty()) {
			logger.warn("Outbox message {} does not exist; nothing to send", id);
			return;
		}
		OutboxMessage message = found.get();
		if (message.status() != OutboxStatus.PENDING) {
			logger.debug("Outbox message {} is already {}; not sending it again", id, message.status());
			return;
		}
		try {
			message = this.rendering.rendered(message);
		}
		catch (RuntimeException ex) {
			failed(message, ex);
			throw ex;
		}
		if (!this.smtpConfigured) {
			if (this.outbox.markDelivered(id, OutboxStatus.MAILBOX, this.clock.instant())) {
				this.metrics.delivered(OutboxStatus.MAILBOX);
				logger.info("E-mail {} to {} is in the mailbox page (no SMTP server configured)", id,
						message.recipient());
			}
			return;
		}
		try {
			send(message);
		}
		catch (RuntimeException ex) {
			failed(message, ex);
			throw ex;
		}
		this.outbox.markDelivered(id, OutboxStatus.SENT, this.clock.instant());
		this.metrics.delivered(OutboxStatus.SENT);
		logger.info("Sent e-mail {} to {}", id, message.recipient());
	}

	private void failed(OutboxMessage message, RuntimeException ex) {
		this.outbox.recordFailedAttempt(message.id(), describe(ex));
		this.metrics.attemptFailed();
		logger.warn("Sending e-mail {} to {} failed: {}", message.id(), message.recipient(), describe(ex));
	}

	void giveUp(long id) {
		if (this.outbox.markFailed(id)) {
			this.metrics.failed();
			logger.error("Gave up sending e-mail {} after {} attempts; an admin can retry it on /admin/mailbox/{}", id,
					this.settings.retry().maxAttempts(), id);
		}
	}

	private void send(OutboxMessage message) {
		JavaMailSender sender = this.senders.getObject();
		MimeMessage mime = withMessageId(sender, messageId(message));
		try {
			MimeMessageHelper helper = new MimeMessageHelper(mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
					StandardCharsets.UTF_8.name());
			helper.setFrom(this.settings.from());
			helper.setTo(message.recipient());
			helper.setSubject(message.subject());
			helper.setSentDate(Date.from(this.clock.instant()));
			if (message.textBody() != null) {
				helper.setText(message.textBody(), message.htmlBody());
			}
			else {
				helper.setText(message.htmlBody(), true);
			}
			mime.setHeader("Content-Language", message.locale());
		}
		catch (MessagingException ex) {
			throw new MailPreparationException("Cannot build e-mail " + message.id(), ex);
		}
		sender.send(mime);
	}

	/**
	 * The {@code Message-ID} of an outbox message: the same on every attempt, on every
	 * instance, so a message sent twice (a crash between the SMTP server's answer and the
	 * SENT mark) is one message to the recipient's client.
	 * @param message the outbox message
	 * @return the header's value: its id and creation time at the sender's domain
	 */
	String messageId(OutboxMessage message) {
		return "<outbox-" + message.id() + "." + message.createdAt().toEpochMilli() + "@" + this.settings.senderDomain()
				+ ">";
	}

	private static MimeMessage withMessageId(JavaMailSender sender, String messageId) {
		Session session = (sender instanceof JavaMailSenderImpl impl) ? impl.getSession()
				: sender.createMimeMessage().getSession();
		// JavaMail replaces Message-ID with a random one when the message is saved
		return new MimeMessage(session) {

			@Override
			protected void updateMessageID() throws MessagingException {
				setHeader("Message-ID", messageId);
			}

		};
	}

	private static void checkSender(String from) {
		try {
			new InternetAddress(from, true);
		}
		catch (AddressException ex) {
			throw new IllegalStateException(
					"atrium.mail.from (ATRIUM_MAIL_FROM) is not an e-mail address: '" + from + "': " + ex.getMessage(),
					ex);
		}
	}

	private static String describe(Throwable ex) {
		StringBuilder text = new StringBuilder();
		for (Throwable t = ex; t != null && text.length() < 2000; t = t.getCause()) {
			if (!text.isEmpty()) {
				text.append(" <- ");
			}
			text.append(t.getClass().getSimpleName());
			if (t.getMessage() != null) {
				text.append(": ").append(t.getMessage());
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return text.toString();
	}

}
