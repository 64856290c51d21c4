package io.atrium.club.groups;

/**
 * A student's status in a product, as the Users tab filters it.
 */
public enum StudentStatus {

	/** Has access. */
	ACTIVE,

	/** Blocked by the producer. */
	BLOCKED,

	/** Access ended: refunded, charged back, or the access period is over. */
	ENDED,

	/** The subscription is not active. */
	OVERDUE

}
