package io.atrium.club.groups;

import java.time.Instant;

import io.atrium.club.access.AccessFacts;

/**
 * A student's place in a product: the one group they are in, since when, and what can end
 * their access.
 *
 * @param id the internal id
 * @param publicId the 10-character id the compatible API shows as {@code user_id}
 * @param productId the product
 * @param producerAccountId the product's producer
 * @param accountId the student's account
 * @param email the student's e-mail address
 * @param name the student's name when enrolled
 * @param groupId the student's group
 * @param source purchase or import
 * @param startedAt the start in the product (purchase or import date), the base of drip
 * and expiration in days
 * @param accessEndsAt the end of an imported access period, null when open-ended
 * @param blocked whether the producer blocked access
 * @param purchaseId the purchase behind the access, null for an import
 * @param transaction the purchase's transaction code, null for an import
 * @param purchaseState what became of that purchase
 * @param subscriptionState the subscription's status, null when not a subscription
 * @param firstAccessAt the first time the student entered the product, null if never
 * @param lastAccessAt the last time, null if never
 * @param accessCount how many times the student entered
 * @param createdAt when the enrolment was made
 */
public record Enrollment(long id, String publicId, long productId, long producerAccountId, long accountId, String email,
		String name, long groupId, EnrollmentSource source, Instant startedAt, Instant accessEndsAt, boolean blocked,
		Long purchaseId, String transaction, PurchaseState purchaseState, String subscriptionState,
		Instant firstAccessAt, Instant lastAccessAt, int accessCount, Instant createdAt) {

	/**
	 * @return what the access decision needs of this enrolment
	 */
	public AccessFacts.EnrollmentState state() {
		Boolean subscriptionActive = (this.subscriptionState != null) ? "ACTIVE".equals(this.subscriptionState) : null;
		return new AccessFacts.EnrollmentState(this.startedAt, this.blocked, this.accessEndsAt, this.purchaseState,
				subscriptionActive);
	}

	/**
	 * @param now the instant
	 * @return the student's status as the Users tab shows it
	 */
	public StudentStatus status(Instant now) {
		if (this.blocked) {
			return StudentStatus.BLOCKED;
		}
		if (this.purchaseState != PurchaseState.ACTIVE
				|| (this.accessEndsAt != null && !now.isBefore(this.accessEndsAt))) {
			return StudentStatus.ENDED;
		}
		if (this.subscriptionState != null && !"ACTIVE".equals(this.subscriptionState)) {
			return StudentStatus.OVERDUE;
		}
		return StudentStatus.ACTIVE;
	}

}
