package io.atrium.club.access;

import java.time.Instant;
import java.util.List;

import io.atrium.club.groups.PurchaseState;

/**
 * Everything {@link AccessPolicy#decide} needs to know about one student and one page.
 *
 * @param enrollment the student's enrolment in the page's product, null when there is
 * none
 * @param rule the rule of the student's group for the page (see
 * {@link ContentRule#effective}); ignored without an enrolment
 * @param prerequisiteCompletedAt when the student completed the page the drip waits for,
 * null when not completed or the drip does not wait for a page
 * @param published whether the page and its module are both published
 * @param mediaAvailable whether the page's video, file or link is present
 * @param passwordProtected whether the page has a password
 * @param passwordUnlocked whether the student typed it in this session
 */
public record AccessFacts(EnrollmentState enrollment, ContentRule rule, Instant prerequisiteCompletedAt,
		boolean published, boolean mediaAvailable, boolean passwordProtected, boolean passwordUnlocked) {

	/**
	 * The state of an enrolment that access depends on.
	 *
	 * @param startedAt the student's start in the product (purchase or import date), the
	 * base of drip and expiration in days
	 * @param blocked whether the producer blocked the student
	 * @param accessEndsAt the end of an imported access period, null when open-ended
	 * @param purchaseState the state of the purchase behind the access
	 * @param subscriptions one access right per subscription the student has of the
	 * product; empty when the access does not come from a subscription (a one-off
	 * purchase, an import)
	 */
	public record EnrollmentState(Instant startedAt, boolean blocked, Instant accessEndsAt, PurchaseState purchaseState,
			List<SubscriptionRight> subscriptions) {

		public EnrollmentState {
			subscriptions = (subscriptions != null) ? List.copyOf(subscriptions) : List.of();
		}

	}

}
