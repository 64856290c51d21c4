package io.atrium.webhooks;

import java.time.Instant;

/**
 * One attempt to post a delivery.
 *
 * @param id the attempt's id
 * @param attemptedAt when it started
 * @param statusCode the HTTP status answered, null when no answer came
 * @param latencyMillis how long it took
 * @param responseBody the start of the answer (at most
 * {@code atrium.webhooks.response-bytes}), may be null
 * @param error what went wrong without an HTTP answer, null otherwise
 */
public record DeliveryAttempt(long id, Instant attemptedAt, Integer statusCode, long latencyMillis, String responseBody,
		String error) {

}
