package io.atrium.events.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.atrium.events.StuckPublication;

/**
 * A stuck publication as the page shows it; times in UTC.
 *
 * @param id the publication's id
 * @param event the event's simple name
 * @param listener the listener without packages
 * @param publishedAt when the event was published
 * @param statusKey the message key of its status
 * @param attempts how many times it was resubmitted
 * @param lastAttemptAt when it was last resubmitted, or null
 */
record PublicationView(String id, String event, String listener, OffsetDateTime publishedAt, String statusKey,
		int attempts, OffsetDateTime lastAttemptAt) {

	static PublicationView of(StuckPublication p) {
		String status = (p.status() != null) ? p.status() : "PUBLISHED";
		return new PublicationView(p.id().toString(), p.eventName(), p.listenerName(), utc(p.publishedAt()),
				"events.status." + status, p.attempts(), utc(p.lastResubmittedAt()));
	}

	private static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
