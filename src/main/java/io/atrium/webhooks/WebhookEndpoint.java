package io.atrium.webhooks;

import java.time.Instant;
import java.util.Set;

/**
 * An endpoint as its producer sees it. The signing secret is never part of it: it is
 * shown once, when the endpoint is created and when it is rotated.
 *
 * @param id the endpoint's id
 * @param producerAccountId its producer
 * @param url where webhooks are posted
 * @param description the producer's note, may be null
 * @param events the events it receives
 * @param productIds the products it is limited to; empty for every product
 * @param status active or disabled
 * @param disabledReason why it is disabled, null while active
 * @param disabledAt when it was disabled, null while active
 * @param previousSecretExpiresAt while a rotated-out secret still signs, until when; null
 * otherwise
 * @param createdAt when it was made
 * @param updatedAt when it last changed
 */
public record WebhookEndpoint(long id, long producerAccountId, String url, String description, Set<WebhookEvent> events,
		Set<Long> productIds, EndpointStatus status, DisabledReason disabledReason, Instant disabledAt,
		Instant previousSecretExpiresAt, Instant createdAt, Instant updatedAt) {

	/**
	 * @param event an event
	 * @param productId the product it is about, or null
	 * @return whether this endpoint receives it
	 */
	public boolean wants(WebhookEvent event, Long productId) {
		return this.events.contains(event)
				&& (this.productIds.isEmpty() || (productId != null && this.productIds.contains(productId)));
	}

}
