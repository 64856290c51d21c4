package io.atrium.notifications.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.atrium.notifications.Mailer;
import io.atrium.notifications.OutgoingMail;
import io.atrium.shared.EmailAddress;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the admin mailbox page does: browse the outbox, retry a FAILED message, send a
 * test e-mail.
 */
@Service
public class Mailbox {

	/** The template of the test e-mail. */
	static final String TEST_TEMPLATE = "notifications/mail/test";

	private final OutboxRepository outbox;

	private final OutboxSender sender;

	private final com.github.kagkarlsson.scheduler.Clock realTime;

	private final Mailer mailer;

	private final MailDelivery delivery;

	private final MailRendering rendering;

	Mailbox(OutboxRepository outbox, OutboxSender sender, com.github.kagkarlsson.scheduler.Clock realTime,
			Mailer mailer, MailDelivery delivery, MailRendering rendering) {
		this.outbox = outbox;
		this.sender = sender;
		this.realTime = realTime;
		this.rendering = rendering;
		this.mailer = mailer;
		this.delivery = delivery;
	}

	/**
	 * @return whether messages go to an SMTP server; when not, they stay here in the
	 * mailbox
	 */
	public boolean smtpConfigured() {
		return this.delivery.smtpConfigured();
	}

	/**
	 * One page of the outbox, newest first.
	 * @param recipientPart part of the recipient's address to filter by, blank for all
	 * @param page the page number, from 0
	 * @param size messages per page
	 * @return the page
	 */
	@Transactional(readOnly = true)
	public Page page(String recipientPart, int page, int size) {
		String filter = (recipientPart == null || recipientPart.isBlank()) ? null : recipientPart.trim();
		long total = this.outbox.count(filter);
		int pages = (int) Math.max(1, (total + size - 1) / size);
		int current = Math.min(Math.max(page, 0), pages - 1);
		return new Page(this.outbox.list(filter, current * size, size), current, pages, total);
	}

	/**
	 * @param id an outbox id
	 * @return the message, if it exists, rendered (and stored so) if the send task has
	 * not rendered it yet; unrendered when its template fails (its last error says why)
	 */
	@Transactional
	public Optional<OutboxMessage> find(long id) {
		return this.outbox.find(id).map((message) -> {
			try {
				return this.rendering.rendered(message);
			}
			catch (RuntimeException ex) {
				return message;
			}
		});
	}

	/**
	 * Queues a FAILED message again, to be sent as soon as possible with a fresh round of
	 * retries.
	 * @param id an outbox id
	 * @return false when the message does not exist or is not FAILED
	 */
	@Transactional
	public boolean retry(long id) {
		if (!this.outbox.markPendingAgain(id, this.realTime.now())) {
			return false;
		}
		this.sender.wakeAfterCommit();
		return true;
	}

	/**
	 * Queues the test e-mail an admin sends to check that delivery works.
	 * @param recipient the address to send it to (validated, canonicalized)
	 * @param locale the language to write it in
	 * @return the outbox id
	 * @throws IllegalArgumentException when the address is not an e-mail address
	 */
	@Transactional
	public long sendTestMail(String recipient, Locale locale) {
		EmailAddress to = EmailAddress.of(recipient);
		return this.mailer
			.enqueue(new OutgoingMail(to.value(), locale, "mail.test.subject", List.of(), TEST_TEMPLATE, Map.of()));
	}

	/**
	 * A page of outbox messages.
	 *
	 * @param messages the messages on this page, newest first
	 * @param number this page's number, from 0
	 * @param pages how many pages there are, at least 1
	 * @param total how many messages match
	 */
	public record Page(List<OutboxMessage> messages, int number, int pages, long total) {

		/**
		 * @return whether there is a newer page
		 */
		public boolean hasPrevious() {
			return this.number > 0;
		}

		/**
		 * @return whether there is an older page
		 */
		public boolean hasNext() {
			return this.number + 1 < this.pages;
		}

	}

}
