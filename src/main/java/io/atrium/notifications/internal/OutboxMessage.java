package io.atrium.notifications.internal;

import java.time.Instant;

/**
 * One row of {@code mail_outbox}: a rendered e-mail and its delivery state.
 *
 * @param id the outbox id (also in its {@code Message-ID})
 * @param recipient the address it goes to
 * @param subject the rendered subject
 * @param htmlBody the rendered HTML part
 * @param textBody the rendered plain text part, null when the template has none
 * @param locale the language tag it was written in
 * @param template the template it was rendered from
 * @param status where delivery stands
 * @param attempts how many delivery attempts were made
 * @param lastError why the last attempt failed, if it did
 * @param createdAt when it was queued
 * @param sentAt when the SMTP server accepted it (or it went to the mailbox)
 */
public record OutboxMessage(long id, String recipient, String subject, String htmlBody, String textBody, String locale,
		String template, OutboxStatus status, int attempts, String lastError, Instant createdAt, Instant sentAt) {

}
