package io.atrium.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An event publication whose listener has not succeeded yet.
 *
 * @param id the publication's id
 * @param eventType the event's class name
 * @param listenerId the listener (its class and method)
 * @param publishedAt when the event was published
 * @param status the registry's status ({@code PUBLISHED}, {@code PROCESSING},
 * {@code FAILED}, {@code RESUBMITTED}), or null for a row without one
 * @param attempts how many times it was resubmitted
 * @param lastResubmittedAt when it was last resubmitted, or null
 * @param producerAccountId the producer the event is about, or null
 */
public record StuckPublication(UUID id, String eventType, String listenerId, Instant publishedAt, String status,
		int attempts, Instant lastResubmittedAt, Long producerAccountId) {

	/**
	 * @return the event's simple name, for example {@code PurchaseApproved}
	 */
	public String eventName() {
		return this.eventType.substring(this.eventType.lastIndexOf('.') + 1);
	}

	/**
	 * @return the listener without its package, for example
	 * {@code ClubListeners.on(PurchaseApproved)}
	 */
	public String listenerName() {
		String listener = this.listenerId.replaceAll("\\b[a-z][a-zA-Z0-9_]*\\.", "");
		return listener.startsWith("void ") ? listener.substring(5) : listener;
	}

}
