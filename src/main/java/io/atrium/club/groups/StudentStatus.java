package io.atrium.club.groups;

/**
 * A student's status in a product, as the Users tab filters it.
 */
public enum StudentStatus {

	/** Has access. */
	ACTIVE,

	/** Blocked by the producer. */
	BLOCKED,

	/**
	 * Access ended: refunded, charged back, the access period is over, or every
	 * subscription behind it ended (cancelled and past its paid period, or inactive).
	 */
	ENDED,

	/**
	 * No subscription behind the access grants it and one of them has an unpaid charge.
	 */
	OVERDUE

}
