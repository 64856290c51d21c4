package io.atrium.webhooks;

/**
 * Where a delivery (one event for one endpoint) stands.
 */
public enum DeliveryStatus {

	/** Waiting for its next attempt. */
	PENDING,

	/** A receiver answered 2xx. */
	DELIVERED,

	/** The retry schedule ran out, or the endpoint was disabled; it can be resent. */
	FAILED

}
