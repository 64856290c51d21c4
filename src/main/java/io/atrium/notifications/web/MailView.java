package io.atrium.notifications.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.atrium.notifications.internal.OutboxMessage;
import io.atrium.notifications.internal.OutboxStatus;

/**
 * An outbox message as the mailbox pages show it; times in UTC.
 *
 * @param id the outbox id
 * @param recipient the address it goes to
 * @param subject the subject line
 * @param status where delivery stands
 * @param attempts how many delivery attempts were made
 * @param lastError why the last attempt failed, if it did
 * @param language the language tag it is written in
 * @param createdAt when it was queued
 * @param sentAt when it was delivered, or null
 */
record MailView(long id, String recipient, String subject, OutboxStatus status, int attempts, String lastError,
		String language, OffsetDateTime createdAt, OffsetDateTime sentAt) {

	static MailView of(OutboxMessage message) {
		return new MailView(message.id(), message.recipient(), message.subject(), message.status(), message.attempts(),
				message.lastError(), message.locale(), utc(message.createdAt()), utc(message.sentAt()));
	}

	/**
	 * @return the message key of the status, for example {@code mailbox.status.SENT}
	 */
	public String statusKey() {
		return "mailbox.status." + this.status.name();
	}

	/**
	 * @return whether an admin can retry it
	 */
	public boolean failed() {
		return this.status == OutboxStatus.FAILED;
	}

	private static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
