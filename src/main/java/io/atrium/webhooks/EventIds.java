package io.atrium.webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Event ids (the envelope's {@code id} and the {@code webhook-id} header) derived from
 * what happened, so a listener that runs again, or an instance that restarts, finds the
 * deliveries it made instead of making new ones.
 */
final class EventIds {

	private EventIds() {
	}

	static String purchase(long purchaseId, WebhookEvent event, Instant at) {
		return of("purchase", purchaseId, event.name(), at.toEpochMilli());
	}

	static String cart(long purchaseId) {
		return of("cart", purchaseId);
	}

	static String subscription(long subscriptionId, WebhookEvent event, Instant at) {
		return of("subscription", subscriptionId, event.name(), at.toEpochMilli());
	}

	static String firstAccess(long enrollmentId) {
		return of("club-first-access", enrollmentId);
	}

	static String moduleCompleted(long enrollmentId, long moduleId) {
		return of("club-module-completed", enrollmentId, moduleId);
	}

	static String test() {
		return UUID.randomUUID().toString();
	}

	private static String of(Object... parts) {
		StringBuilder key = new StringBuilder("atrium-webhook");
		for (Object part : parts) {
			key.append(':').append(part);
		}
		return UUID.nameUUIDFromBytes(key.toString().getBytes(StandardCharsets.UTF_8)).toString();
	}

}
