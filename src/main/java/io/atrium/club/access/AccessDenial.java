package io.atrium.club.access;

import java.time.Instant;

/**
 * One reason a page is closed to a student.
 *
 * @param reason the reason
 * @param date when it changes or changed: the release date for
 * {@link AccessReason#NOT_RELEASED_YET} (null when the page opens after another page is
 * completed), the expiry for {@link AccessReason#EXPIRED}, the end of the access period
 * for {@link AccessReason#ACCESS_PERIOD_ENDED}, the first unpaid due date for
 * {@link AccessReason#SUBSCRIPTION_OVERDUE}, the end of access for
 * {@link AccessReason#SUBSCRIPTION_CANCELLED} (null when none is known); null otherwise
 * @param prerequisitePageId for a page released after another page is completed, that
 * page's internal id; null otherwise
 */
public record AccessDenial(AccessReason reason, Instant date, Long prerequisitePageId) {

	static AccessDenial of(AccessReason reason) {
		return new AccessDenial(reason, null, null);
	}

}
