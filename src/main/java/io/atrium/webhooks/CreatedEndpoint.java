package io.atrium.webhooks;

/**
 * An endpoint with its signing secret, answered once: when it is created and when its
 * secret is rotated.
 *
 * @param endpoint the endpoint
 * @param secret the signing secret, {@code whsec_} and base64
 */
public record CreatedEndpoint(WebhookEndpoint endpoint, String secret) {

}
