package io.atrium.webhooks;

/**
 * Which deliveries of the log to list; every field is optional.
 *
 * @param endpointId one endpoint's
 * @param event one event's
 * @param status those in one status
 * @param transaction those about one purchase
 */
public record DeliveryFilter(Long endpointId, WebhookEvent event, DeliveryStatus status, String transaction) {

	/** Every delivery. */
	public static final DeliveryFilter ALL = new DeliveryFilter(null, null, null, null);

}
