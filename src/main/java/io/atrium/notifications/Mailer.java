package io.atrium.notifications;

/**
 * Queues e-mail. The message is rendered in the recipient's language and stored in the
 * outbox in the caller's transaction; it leaves the process only after that transaction
 * commits, and is retried with backoff until the SMTP server accepts it.
 */
public interface Mailer {

	/**
	 * Queues one e-mail. Must be called inside a transaction.
	 * @param mail what to send, to whom and in which language
	 * @return the id of the outbox entry
	 */
	long enqueue(OutgoingMail mail);

}
