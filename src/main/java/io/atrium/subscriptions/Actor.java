package io.atrium.subscriptions;

/**
 * Who made a subscription change.
 */
public enum Actor {

	/** The subscriber, on My subscriptions or through an e-mailed link. */
	BUYER,

	/** The producer, on the pages or through the API. */
	PRODUCER,

	/** A platform admin. */
	ADMIN,

	/** Atrium itself: renewals, dunning, automatic cancellation. */
	SYSTEM

}
