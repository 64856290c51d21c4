package io.atrium.club.access;

import java.time.Instant;

import io.atrium.subscriptions.SubscriptionStatus;

import org.springframework.modulith.NamedInterface;

/**
 * The access one subscription gives a student to its product, as its last
 * {@code SubscriptionAccessChanged} said. A student has one per subscription, never one
 * per account.
 *
 * @param subscriptionId the subscription
 * @param status its status
 * @param access whether it gives access (until {@code accessUntil}, when set)
 * @param accessUntil for a cancelled subscription, the end of the paid period; null
 * otherwise
 * @param overdueSince for DELAYED and OVERDUE, the due date of the first unpaid
 * recurrence; null otherwise
 */
@NamedInterface("access")
public record SubscriptionRight(long subscriptionId, SubscriptionStatus status, boolean access, Instant accessUntil,
		Instant overdueSince) {

	/**
	 * @param now the instant of the question
	 * @return whether this subscription gives access now
	 */
	public boolean grants(Instant now) {
		return this.access && (this.accessUntil == null || now.isBefore(this.accessUntil));
	}

	/**
	 * @return whether a charge of it is unpaid (DELAYED or OVERDUE): the buyer can get
	 * access back by paying
	 */
	public boolean unpaid() {
		return this.status == SubscriptionStatus.DELAYED || this.status == SubscriptionStatus.OVERDUE;
	}

	/**
	 * Why this subscription gives no access, for one that does not grant it now: overdue
	 * (since the first unpaid due date), cancelled (with the end of access once it has
	 * passed), or inactive (anything else).
	 * @param now the instant of the question
	 * @return the reason with its date
	 */
	AccessDenial denial(Instant now) {
		if (unpaid()) {
			return new AccessDenial(AccessReason.SUBSCRIPTION_OVERDUE, this.overdueSince, null);
		}
		if (this.status.cancelled()) {
			Instant ended = (this.accessUntil != null && !now.isBefore(this.accessUntil)) ? this.accessUntil : null;
			return new AccessDenial(AccessReason.SUBSCRIPTION_CANCELLED, ended, null);
		}
		return AccessDenial.of(AccessReason.SUBSCRIPTION_INACTIVE);
	}

}
