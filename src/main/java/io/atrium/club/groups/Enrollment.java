package io.atrium.club.groups;

import java.time.Instant;
import java.util.List;

import io.atrium.club.access.AccessFacts;
import io.atrium.club.access.SubscriptionRight;

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
 * @param subscriptions one access right per subscription the student has of the product,
 * empty when the access does not come from a subscription
 * @param firstAccessAt the first time the student entered the product, null if never
 * @param lastAccessAt the last time, null if never
 * @param accessCount how many times the student entered
 * @param createdAt when the enrolment was made
 */
public record Enrollment(long id, String publicId, long productId, long producerAccountId, long accountId, String email,
		String name, long groupId, EnrollmentSource source, Instant startedAt, Instant accessEndsAt, boolean blocked,
		Long purchaseId, String transaction, PurchaseState purchaseState, List<SubscriptionRight> subscriptions,
		Instant firstAccessAt, Instant lastAccessAt, int accessCount, Instant createdAt) {

	public Enrollment {
		subscriptions = (subscriptions != null) ? List.copyOf(subscriptions) : List.of();
	}

	/**
	 * @param rights the student's subscription rights of the product
	 * @return this enrolment with those rights (for the rows that load them)
	 */
	public Enrollment withSubscriptions(List<SubscriptionRight> rights) {
		return new Enrollment(this.id, this.publicId, this.productId, this.producerAccountId, this.accountId,
				this.email, this.name, this.groupId, this.source, this.startedAt, this.accessEndsAt, this.blocked,
				this.purchaseId, this.transaction, this.purchaseState, rights, this.firstAccessAt, this.lastAccessAt,
				this.accessCount, this.createdAt);
	}

	/**
	 * @return what the access decision needs of this enrolment
	 */
	public AccessFacts.EnrollmentState state() {
		return new AccessFacts.EnrollmentState(this.startedAt, this.blocked, this.accessEndsAt, this.purchaseState,
				this.subscriptions);
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
		if (!this.subscriptions.isEmpty() && this.subscriptions.stream().noneMatch((r) -> r.grants(now))) {
			// a subscription that can be paid again is overdue; cancelled or inactive
			// ones ended
			return this.subscriptions.stream().anyMatch(SubscriptionRight::unpaid) ? StudentStatus.OVERDUE
					: StudentStatus.ENDED;
		}
		return StudentStatus.ACTIVE;
	}

}
