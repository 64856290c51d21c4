package io.atrium.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import io.atrium.webhooks.internal.DeliveryRows;
import io.atrium.webhooks.internal.EndpointRows;
import io.atrium.webhooks.payload.Envelope;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes an event's deliveries: one per endpoint of the producer that wants it, at most
 * once per (event id, endpoint) however often it is called. The body is built once, only
 * when some endpoint wants the event, and stored exactly as it will be sent. An endpoint
 * disabled at the time gets its delivery FAILED at once, so a replay after it is enabled
 * again can send it.
 */
@Component
class WebhookOutbox {

	private final EndpointRows endpoints;

	private final DeliveryRows deliveries;

	WebhookOutbox(EndpointRows endpoints, DeliveryRows deliveries) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
	}

	/**
	 * @param producer the producer the event is about
	 * @param productId the product, or null
	 * @param event the event
	 * @param eventId its id, derived from what happened
	 * @param at when it happened
	 * @param transaction the purchase's transaction code, or null
	 * @param data builds the event's {@code data}
	 * @return how many deliveries were written now
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	int record(long producer, Long productId, WebhookEvent event, String eventId, Instant at, String transaction,
			Supplier<Object> data) {
		List<EndpointRows.Stored> targets = this.endpoints.ofProducer(producer)
			.stream()
			.filter((e) -> e.endpoint().wants(event, productId))
			.filter((e) -> !this.deliveries.exists(eventId, e.endpoint().id()))
			.toList();
		if (targets.isEmpty()) {
			return 0;
		}
		String payload = WebhookJson
			.write(new Envelope(eventId, at.toEpochMilli(), event.name(), Envelope.VERSION, data.get()));
		for (EndpointRows.Stored target : targets) {
			boolean active = target.endpoint().status() == EndpointStatus.ACTIVE;
			this.deliveries.insert(new DeliveryRows.NewDelivery(eventId, target.endpoint().id(), producer, event,
					transaction, payload, false, active ? DeliveryStatus.PENDING : DeliveryStatus.FAILED,
					active ? null : "endpoint disabled", at));
		}
		return targets.size();
	}

	/**
	 * @return whether the producer has an endpoint (of any status) that wants the event
	 */
	boolean wanted(long producer, WebhookEvent event) {
		return this.endpoints.ofProducer(producer).stream().anyMatch((e) -> e.endpoint().events().contains(event));
	}

}
