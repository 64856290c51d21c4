package io.atrium.notifications.internal;

import java.time.Instant;

/**
 * One row of {@code mail_outbox}: a rendered e-mail and its delivery state.
 *
 * @param id the outbox id (also in its {@code Message-ID})
 * @param recipient the address it goes to
 * @param subject the rendered subject
 * @param htmlBody the rendered HTML part, null until the send task rendered it
 * @param textBody the rendered plain text part, null when the template has none (or the
 * message is not rendered yet)
 * @param locale the language tag it was written in
 * @param template the template it was rendered from
 * @param status where delivery stands
 * @param attempts how many delivery attempts were made
 * @param lastError why the last attempt failed, if it did
 * @param createdAt when it was queued
 * @param sentAt when the SMTP server accepted it (or it went to the mailbox)
 * @param variables the template's variables as JSON, from which the send task renders it;
 * null for a message rendered when it was queued
 */
public record OutboxMessage(long id, String recipient, String subject, String htmlBody, String textBody, String locale,
		String template, OutboxStatus status, int attempts, String lastError, Instant createdAt, Instant sentAt,
		String variables) {

	/** A message rendered when it was queued. */
	public OutboxMessage(long id, String recipient, String subject, String htmlBody, String textBody, String locale,
			String template, OutboxStatus status, int attempts, String lastError, Instant createdAt, Instant sentAt) {
		this(id, recipient, subject, htmlBody, textBody, locale, template, status, attempts, lastError, createdAt,
				sentAt, null);
	}

	/**
	 * @return whether its parts still have to be rendered (by the send task)
	 */
	public boolean unrendered() {
		return this.htmlBody == null;
	}

	OutboxMessage withBodies(String html, String text) {
		return new OutboxMessage(this.id, this.recipient, this.subject, html, text, this.locale, this.template,
				this.status, this.attempts, this.lastError, this.createdAt, this.sentAt, this.variables);
	}

}
