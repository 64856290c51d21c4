package io.atrium.webhooks;

/**
 * Whether an endpoint receives webhooks.
 */
public enum EndpointStatus {

	/** Deliveries are made. */
	ACTIVE,

	/** Nothing is posted; new events are logged as failed and can be replayed later. */
	DISABLED

}
