package io.atrium.webhooks.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.atrium.platform.Dates;
import io.atrium.webhooks.DeliveryAttempt;
import io.atrium.webhooks.EndpointStatus;
import io.atrium.webhooks.WebhookDelivery;
import io.atrium.webhooks.WebhookEndpoint;

/**
 * What the webhook pages show, dates already written in the producer's zone (named) and
 * the reader's language.
 */
final class PageViews {

	private PageViews() {
	}

	/**
	 * One endpoint of the list.
	 *
	 * @param id its id
	 * @param url its URL
	 * @param description the producer's note, or null
	 * @param events the names of its events, in the order of the contract
	 * @param products the names of the products it is limited to; empty for all
	 * @param active whether it receives webhooks
	 * @param disabledReason why it is disabled, or null
	 * @param disabledAt when, or null
	 * @param previousSecretUntil until when the rotated-out secret still signs, or null
	 */
	record EndpointView(long id, String url, String description, List<String> events, List<String> products,
			boolean active, String disabledReason, String disabledAt, String previousSecretUntil) {

		static EndpointView of(WebhookEndpoint e, Map<Long, String> productNames, ZoneId zone, Locale locale,
				Instant now) {
			List<String> events = e.events().stream().sorted().map(Enum::name).toList();
			List<String> products = e.productIds()
				.stream()
				.sorted()
				.map((id) -> productNames.getOrDefault(id, "#" + id))
				.toList();
			boolean active = e.status() == EndpointStatus.ACTIVE;
			Instant previous = e.previousSecretExpiresAt();
			return new EndpointView(e.id(), e.url(), e.description(), events, products, active,
					(!active && e.disabledReason() != null) ? e.disabledReason().name() : null,
					show(e.disabledAt(), zone, locale),
					(previous != null && previous.isAfter(now)) ? show(previous, zone, locale) : null);
		}

	}

	/**
	 * One delivery of the log.
	 *
	 * @param id its id
	 * @param eventId the event's id ({@code webhook-id})
	 * @param event the event's name
	 * @param test whether it is a test event
	 * @param endpointId the endpoint's id
	 * @param endpointUrl the endpoint's URL, null when it was deleted
	 * @param transaction the purchase it is about, or null
	 * @param status PENDING, DELIVERED or FAILED
	 * @param attempts the attempts of its current schedule
	 * @param lastAnswer the last status code or error, or null
	 * @param createdAt when the event happened
	 * @param nextAttemptAt when it is tried next, or null
	 * @param deliveredAt when a receiver took it, or null
	 * @param payload the body sent
	 */
	record DeliveryView(long id, String eventId, String event, boolean test, long endpointId, String endpointUrl,
			String transaction, String status, int attempts, String lastAnswer, String createdAt, String nextAttemptAt,
			String deliveredAt, String payload) {

		static DeliveryView of(WebhookDelivery d, Map<Long, String> endpointUrls, ZoneId zone, Locale locale) {
			String lastAnswer = (d.lastStatusCode() != null) ? String.valueOf(d.lastStatusCode()) : d.lastError();
			return new DeliveryView(d.id(), d.eventId(), d.event().name(), d.test(), d.endpointId(),
					endpointUrls.get(d.endpointId()), d.transaction(), d.status().name(), d.attempts(), lastAnswer,
					show(d.createdAt(), zone, locale), show(d.nextAttemptAt(), zone, locale),
					show(d.deliveredAt(), zone, locale), d.payload());
		}

		/**
		 * @return whether it can be sent again: its endpoint still exists
		 */
		public boolean resendable() {
			return this.endpointUrl != null;
		}

	}

	/**
	 * One attempt of a delivery.
	 *
	 * @param at when it started
	 * @param statusCode the status answered, or null
	 * @param error what went wrong without an answer, or null
	 * @param latencyMillis how long it took
	 * @param response the start of the answer, or null
	 */
	record AttemptView(String at, Integer statusCode, String error, long latencyMillis, String response) {

		static AttemptView of(DeliveryAttempt a, ZoneId zone, Locale locale) {
			return new AttemptView(show(a.attemptedAt(), zone, locale), a.statusCode(), a.error(), a.latencyMillis(),
					a.responseBody());
		}

		public boolean succeeded() {
			return this.statusCode != null && this.statusCode >= 200 && this.statusCode < 300;
		}

	}

	static String show(Instant instant, ZoneId zone, Locale locale) {
		return (instant != null) ? Dates.show(instant, zone, locale) : null;
	}

}
