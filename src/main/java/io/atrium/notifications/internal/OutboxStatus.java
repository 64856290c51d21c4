package io.atrium.notifications.internal;

/**
 * Where an outbox message stands.
 */
public enum OutboxStatus {

	/** Waiting for its first delivery attempt, or for a retry. */
	PENDING,

	/** Accepted by the SMTP server. */
	SENT,

	/** No SMTP server is configured: kept in the built-in mailbox for the admin. */
	MAILBOX,

	/** Every attempt failed; an admin can retry it from the mailbox page. */
	FAILED

}
