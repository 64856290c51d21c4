package io.atrium.webhooks;

import java.util.Set;

/**
 * What a producer states about an endpoint when creating or changing it.
 *
 * @param url an {@code https://} address (or {@code http://} where allowed) of at most
 * 2000 characters, that resolves to public addresses only
 * @param description a note of at most 200 characters, may be null
 * @param events the events wanted, at least one
 * @param productIds the producer's products it is limited to; null or empty for every
 * product
 */
public record EndpointSettings(String url, String description, Set<WebhookEvent> events, Set<Long> productIds) {

}
