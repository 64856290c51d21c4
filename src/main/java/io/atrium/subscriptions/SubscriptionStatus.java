package io.atrium.subscriptions;

import java.util.EnumSet;
import java.util.Set;

/**
 * A subscription's status, exactly as the compatible API names them.
 */
public enum SubscriptionStatus {

	/** Signed up, first charge not yet decided. */
	STARTED,

	/** Paid up (or in its free trial). */
	ACTIVE,

	/** A charge failed and is being retried; access depends on the producer's grace setting. */
	DELAYED,

	/** The retries ran out: access stopped until the buyer pays. */
	OVERDUE,

	/** Ended without a cancellation (every charge of a limited plan made, or never paid). */
	INACTIVE,

	/** The buyer cancelled. */
	CANCELLED_BY_CUSTOMER,

	/** The producer cancelled. */
	CANCELLED_BY_SELLER,

	/** The platform cancelled (an admin, or 5 unpaid recurrences in a row). */
	CANCELLED_BY_ADMIN;

	private static final Set<SubscriptionStatus> CANCELLED = EnumSet.of(CANCELLED_BY_CUSTOMER, CANCELLED_BY_SELLER,
			CANCELLED_BY_ADMIN);

	/**
	 * @return whether this is one of the three cancellations
	 */
	public boolean cancelled() {
		return CANCELLED.contains(this);
	}

	/**
	 * @return whether the subscription can still be charged (active, delayed or overdue)
	 */
	public boolean billable() {
		return this == ACTIVE || this == DELAYED || this == OVERDUE;
	}

}
