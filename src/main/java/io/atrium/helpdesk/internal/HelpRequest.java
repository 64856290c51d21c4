package io.atrium.helpdesk.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One request to the platform's support.
 *
 * @param id the id
 * @param accountId who sent it
 * @param email their e-mail
 * @param name their name
 * @param subject the subject
 * @param message the message
 * @param createdAt when it was sent
 * @param handledAt when an admin marked it handled, or null
 */
public record HelpRequest(long id, long accountId, String email, String name, String subject, String message,
		Instant createdAt, Instant handledAt) {

	/**
	 * @return the sending time in UTC, for display
	 */
	public OffsetDateTime createdAtUtc() {
		return this.createdAt.atOffset(ZoneOffset.UTC);
	}

	/**
	 * @return whether an admin has handled it
	 */
	public boolean handled() {
		return this.handledAt != null;
	}

}
