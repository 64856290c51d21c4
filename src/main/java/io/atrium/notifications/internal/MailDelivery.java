package io.atrium.notifications.internal;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

/**
 * Sends the outbox in batches ({@link OutboxSender} runs it after each commit that queued
 * mail and every {@code atrium.mail.poll-interval}). A message queued unrendered is
 * rendered first ({@link MailRendering}); a template failure counts as a failed attempt.
 * <p>
 * A batch claims up to {@code atrium.mail.batch-size} due messages
 * ({@link OutboxRepository#claim}: cluster-safe, two instances never claim the same one)
 * for {@code atrium.mail.claim}, sends them as multipart text + HTML from
 * {@code atrium.mail.from} over one SMTP connection
 * ({@link JavaMailSender#send(MimeMessage...)}), and marks each one the server accepted
 * SENT. Each one it did not accept is recorded on its row (attempts, last error) and due
 * again after its backoff ({@link MailSettings.Retry#nextAttempt}), or FAILED after the
 * last attempt. Without an SMTP server every message is marked MAILBOX: the admin reads
 * it on the mailbox page.
 * <p>
 * Exactly once per row as far as the outbox goes: a message that is no longer PENDING is
 * never claimed. The one gap is a crash (or lost database connection) after the SMTP
 * server accepted a message and before SENT is stored: its claim runs out, another batch
 * sends it again, and the recipient gets it twice. Mail is at-least-once, never lost, and
 * a repeat carries the same {@code Message-ID} (made from the outbox id), so mail clients
 * show it once.
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

	private final com.github.kagkarlsson.scheduler.Clock realTime;

	private final TransactionTemplate transactions;

	private final String instance;

	MailDelivery(OutboxRepository outbox, ObjectProvider<JavaMailSender> senders,
			@Value("${spring.mail.host:}") String smtpHost, MailSettings settings, OutboxMetrics metrics,
			MailRendering rendering, Clock clock, com.github.kagkarlsson.scheduler.Clock realTime,
			PlatformTransactionManager transactions) {
		this.outbox = outbox;
		this.rendering = rendering;
		this.senders = senders;
		this.smtpConfigured = StringUtils.hasText(smtpHost);
		this.settings = settings;
		this.metrics = metrics;
		this.clock = clock;
		this.realTime = realTime;
		this.transactions = new TransactionTemplate(transactions);
		this.instance = ManagementFactory.getRuntimeMXBean().getName();
		checkSender(settings.from());
		if (!this.smtpConfigured) {
			logger.info("No SMTP server configured (spring.mail.host): e-mail goes to the mailbox page /admin/mailbox");
		}
	}

	boolean smtpConfigured() {
		return this.smtpConfigured;
	}

	/**
	 * Claims one batch of due messages and delivers it.
	 * @return how many messages the batch held (the batch size: more may be due)
	 */
	int sendBatch() {
		Instant now = this.realTime.now();
		String batch = this.instance + "/" + UUID.randomUUID().toString().substring(0, 13);
		List<OutboxRepository.Claimed> claimed = this.transactions
			.execute((tx) -> this.outbox.claim(batch, now, now.plus(this.settings.claim()), this.settings.batchSize()));
		if (claimed == null || claimed.isEmpty()) {
			return 0;
		}
		List<OutboxRepository.Claimed> ready = rendered(claimed);
		if (!this.smtpConfigured) {
			List<Long> ids = ready.stream().map((c) -> c.message().id()).toList();
			this.outbox.markDelivered(ids, OutboxStatus.MAILBOX, this.clock.instant());
			for (OutboxRepository.Claimed c : ready) {
				this.metrics.delivered(OutboxStatus.MAILBOX);
				logger.info("E-mail {} to {} is in the mailbox page (no SMTP server configured)", c.message().id(),
						c.message().recipient());
			}
			return claimed.size();
		}
		send(ready);
		return claimed.size();
	}

	/**
	 * The claimed messages with their parts: those queued unrendered are rendered (and
	 * stored so) now; one whose template fails is a failed attempt and left out.
	 */
	private List<OutboxRepository.Claimed> rendered(List<OutboxRepository.Claimed> claimed) {
		List<OutboxRepository.Claimed> ready = new ArrayList<>(claimed.size());
		for (OutboxRepository.Claimed c : claimed) {
			try {
				ready.add(new OutboxRepository.Claimed(this.rendering.rendered(c.message()), c.roundFailures()));
			}
			catch (RuntimeException ex) {
				failed(c, ex);
			}
		}
		return ready;
	}

	private void send(List<OutboxRepository.Claimed> claimed) {
		JavaMailSender sender = this.senders.getObject();
		Map<MimeMessage, OutboxRepository.Claimed> messages = new IdentityHashMap<>();
		List<MimeMessage> ordered = new ArrayList<>();
		for (OutboxRepository.Claimed c : claimed) {
			try {
				MimeMessage mime = mime(sender, c.message());
				messages.put(mime, c);
				ordered.add(mime);
			}
			catch (RuntimeException ex) {
				failed(c, ex);
			}
		}
		if (ordered.isEmpty()) {
			return;
		}
		Map<Object, Exception> failures = Map.of();
		try {
			sender.send(ordered.toArray(MimeMessage[]::new));
		}
		catch (MailSendException ex) {
			// the messages the server did not take (all from the first one on, when the
			// connection failed); none listed: all were sent and closing the connection
			// failed
			failures = ex.getFailedMessages();
		}
		catch (RuntimeException ex) {
			// authentication refused and the like: nothing was sent
			Map<Object, Exception> all = new IdentityHashMap<>();
			ordered.forEach((m) -> all.put(m, ex));
			failures = all;
		}
		List<Long> sent = new ArrayList<>();
		for (MimeMessage mime : ordered) {
			Exception failure = failures.get(mime);
			if (failure != null) {
				failed(messages.get(mime), failure);
			}
			else {
				sent.add(messages.get(mime).message().id());
			}
		}
		this.outbox.markDelivered(sent, OutboxStatus.SENT, this.clock.instant());
		for (MimeMessage mime : ordered) {
			if (!failures.containsKey(mime)) {
				this.metrics.delivered(OutboxStatus.SENT);
				OutboxMessage message = messages.get(mime).message();
				logger.info("Sent e-mail {} to {}", message.id(), message.recipient());
			}
		}
	}

	private void failed(OutboxRepository.Claimed claimed, Exception ex) {
		OutboxMessage message = claimed.message();
		Instant now = this.realTime.now();
		Instant next = this.settings.retry().nextAttempt(claimed.roundFailures() + 1, now).orElse(null);
		if (!this.outbox.recordFailedAttempt(message.id(), describe(ex), now, next)) {
			return;
		}
		this.metrics.attemptFailed();
		if (next != null) {
			logger.warn("Sending e-mail {} to {} failed, next attempt at {}: {}", message.id(), message.recipient(),
					next, describe(ex));
		}
		else {
			this.metrics.failed();
			logger.error(
					"Gave up sending e-mail {} to {} after {} attempts ({}); an admin can retry it on "
							+ "/admin/mailbox/{}",
					message.id(), message.recipient(), this.settings.retry().maxAttempts(), describe(ex), message.id());
		}
	}

	private MimeMessage mime(JavaMailSender sender, OutboxMessage message) {
		// the sender's own MimeMessage shares its file type map (a plain one would load
		// the MIME types file again for every message)
		MimeMessage mime = sender.createMimeMessage();
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
			// JavaMailSender.send keeps an explicit Message-ID (JavaMail alone would
			// replace
			// it with a random one when it saves the message)
			mime.setHeader("Message-ID", messageId(message));
		}
		catch (MessagingException ex) {
			throw new MailPreparationException("Cannot build e-mail " + message.id(), ex);
		}
		return mime;
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
