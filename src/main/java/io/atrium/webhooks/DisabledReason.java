package io.atrium.webhooks;

/**
 * Why an endpoint was disabled.
 */
public enum DisabledReason {

	/** The producer disabled it. */
	PRODUCER,

	/** The receiver answered 410 Gone. */
	GONE,

	/** Every attempt failed for {@code atrium.webhooks.disable-after} (5 days). */
	FAILING

}
