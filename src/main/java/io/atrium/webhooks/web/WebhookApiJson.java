package io.atrium.webhooks.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.atrium.webhooks.CreatedEndpoint;
import io.atrium.webhooks.DeliveryAttempt;
import io.atrium.webhooks.EndpointSettings;
import io.atrium.webhooks.WebhookDelivery;
import io.atrium.webhooks.WebhookEndpoint;
import io.atrium.webhooks.WebhookEvent;
import io.atrium.webhooks.WebhookRefused;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The request and response records of {@code /api/v1/webhooks}.
 */
final class WebhookApiJson {

	private WebhookApiJson() {
	}

	/**
	 * An endpoint to create or the new state of one.
	 */
	record EndpointRequest(
			@Schema(description = "https:// address receiving the POSTs; must resolve to public addresses",
					example = "https://example.com/hooks/atrium") String url,
			@Schema(description = "A note, at most 200 characters") String description,
			@Schema(description = "Event names (hotmart-api.md §8.1), at least one",
					example = "[\"PURCHASE_APPROVED\",\"PURCHASE_REFUNDED\"]") List<String> events,
			@JsonProperty("product_ids") @Schema(
					description = "Your products it is limited to; empty or absent for all") List<Long> productIds) {

		EndpointSettings settings() {
			return new EndpointSettings(this.url, this.description, WebhookApiJson.events(this.events),
					(this.productIds != null) ? Set.copyOf(this.productIds) : Set.of());
		}

	}

	static Set<WebhookEvent> events(Collection<String> names) {
		Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
		if (names != null) {
			for (String name : names) {
				events.add(event(name, "events"));
			}
		}
		return events;
	}

	static WebhookEvent event(String name, String field) {
		try {
			return WebhookEvent.valueOf((name != null) ? name.strip().toUpperCase(Locale.ROOT) : "");
		}
		catch (IllegalArgumentException ex) {
			throw new WebhookRefused(WebhookRefused.Reason.INVALID, field, "Unknown event " + name + ".");
		}
	}

	/**
	 * An endpoint.
	 */
	record EndpointResponse(long id, String url, String description, List<String> events,
			@JsonProperty("product_ids") @Schema(description = "Empty: every product") List<Long> productIds,
			@Schema(description = "ACTIVE or DISABLED") String status,
			@JsonProperty("disabled_reason") @Schema(
					description = "PRODUCER, GONE (the receiver answered 410) or FAILING (every attempt failed for 5 days); null while active") String disabledReason,
			@JsonProperty("disabled_at") Instant disabledAt,
			@JsonProperty("previous_secret_expires_at") @Schema(
					description = "After a rotation, until when the previous secret still signs") Instant previousSecretExpiresAt,
			@JsonProperty("created_at") Instant createdAt, @JsonProperty("updated_at") Instant updatedAt) {

		static EndpointResponse of(WebhookEndpoint e) {
			return new EndpointResponse(e.id(), e.url(), e.description(),
					e.events().stream().map(Enum::name).sorted().toList(), e.productIds().stream().sorted().toList(),
					e.status().name(), (e.disabledReason() != null) ? e.disabledReason().name() : null, e.disabledAt(),
					e.previousSecretExpiresAt(), e.createdAt(), e.updatedAt());
		}

	}

	/**
	 * An endpoint with its signing secret, answered once.
	 */
	record EndpointWithSecret(EndpointResponse endpoint,
			@Schema(description = "The Standard Webhooks signing secret (whsec_ + base64), shown only now",
					example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {

		static EndpointWithSecret of(CreatedEndpoint created) {
			return new EndpointWithSecret(EndpointResponse.of(created.endpoint()), created.secret());
		}

	}

	/**
	 * The producer's hottok.
	 */
	record HottokResponse(@Schema(description = "Sent as X-HOTMART-HOTTOK on every webhook") String hottok) {

	}

	/**
	 * A test event to send.
	 */
	record TestRequest(@Schema(description = "The event to imitate; PURCHASE_APPROVED when absent") String event) {

	}

	/**
	 * A replay to make.
	 */
	record ReplayRequest(@Schema(description = "Resend every failed delivery made since then") Instant since) {

	}

	/**
	 * Deliveries to resend.
	 */
	record ResendRequest(@JsonProperty("delivery_ids") List<Long> deliveryIds) {

	}

	/**
	 * How many deliveries were scheduled.
	 */
	record Scheduled(long scheduled) {

	}

	/**
	 * A delivery of the log.
	 */
	@JsonInclude(JsonInclude.Include.ALWAYS)
	record DeliveryResponse(long id,
			@JsonProperty("event_id") @Schema(
					description = "The envelope id and webhook-id header, the same on every attempt") String eventId,
			@JsonProperty("endpoint_id") long endpointId, String event, String transaction,
			@Schema(description = "PENDING, DELIVERED or FAILED") String status, int attempts,
			@JsonProperty("next_attempt_at") Instant nextAttemptAt,
			@JsonProperty("last_status_code") Integer lastStatusCode, @JsonProperty("last_error") String lastError,
			@JsonProperty("last_attempt_at") Instant lastAttemptAt, @JsonProperty("delivered_at") Instant deliveredAt,
			@JsonProperty("created_at") Instant createdAt, boolean test) {

		static DeliveryResponse of(WebhookDelivery d) {
			return new DeliveryResponse(d.id(), d.eventId(), d.endpointId(), d.event().name(), d.transaction(),
					d.status().name(), d.attempts(), d.nextAttemptAt(), d.lastStatusCode(), d.lastError(),
					d.lastAttemptAt(), d.deliveredAt(), d.createdAt(), d.test());
		}

	}

	/**
	 * A delivery with its body and attempts.
	 */
	record DeliveryDetail(DeliveryResponse delivery,
			@Schema(description = "The JSON body exactly as sent") String payload, List<AttemptResponse> attempts) {

		static DeliveryDetail of(WebhookDelivery d, List<DeliveryAttempt> attempts) {
			List<AttemptResponse> list = new ArrayList<>();
			attempts.forEach((a) -> list.add(AttemptResponse.of(a)));
			return new DeliveryDetail(DeliveryResponse.of(d), d.payload(), list);
		}

	}

	/**
	 * One attempt.
	 */
	record AttemptResponse(long id, @JsonProperty("attempted_at") Instant attemptedAt,
			@JsonProperty("status_code") @Schema(description = "Null when no answer came") Integer statusCode,
			@JsonProperty("latency_ms") long latencyMs,
			@JsonProperty("response_body") @Schema(description = "The first 4 KB of the answer") String responseBody,
			@Schema(description = "What went wrong without an answer (timeout, refused address…)") String error) {

		static AttemptResponse of(DeliveryAttempt a) {
			return new AttemptResponse(a.id(), a.attemptedAt(), a.statusCode(), a.latencyMillis(), a.responseBody(),
					a.error());
		}

	}

}
