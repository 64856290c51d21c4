package io.atrium.webhooks;

import java.time.Instant;

/**
 * One event for one endpoint, as the delivery log shows it.
 *
 * @param id the delivery's id
 * @param eventId the event's id: the envelope's {@code id} and the {@code webhook-id}
 * header, the same on every attempt and resend
 * @param endpointId the endpoint
 * @param event the event
 * @param transaction the purchase's transaction code, when the event is about one
 * @param status where it stands
 * @param attempts the attempts of its current schedule
 * @param nextAttemptAt when it is tried next, null unless pending
 * @param lastStatusCode the last HTTP status received, null when none
 * @param lastError the last failure without an HTTP answer (timeout, refused address…)
 * @param lastAttemptAt the last attempt, null before the first
 * @param deliveredAt when a receiver answered 2xx, null otherwise
 * @param createdAt when the event happened
 * @param test whether it is a test event
 * @param payload the JSON body, exactly as sent
 */
public record WebhookDelivery(long id, String eventId, long endpointId, WebhookEvent event, String transaction,
		DeliveryStatus status, int attempts, Instant nextAttemptAt, Integer lastStatusCode, String lastError,
		Instant lastAttemptAt, Instant deliveredAt, Instant createdAt, boolean test, String payload) {

}
