package io.atrium.club.access;

/**
 * Why a student cannot open a page, in the order the reasons are reported: the first
 * concerns the student's enrolment, the last the page itself.
 */
public enum AccessReason {

	/** The student has no enrolment in the product. */
	NOT_ENROLLED,

	/** The producer blocked the student's access. */
	BLOCKED_BY_PRODUCER,

	/** The student's access period (an imported end date) is over. */
	ACCESS_PERIOD_ENDED,

	/** The purchase that gave access was refunded. */
	PURCHASE_REFUNDED,

	/** The purchase that gave access was charged back. */
	PURCHASE_CHARGED_BACK,

	/**
	 * The student's subscriptions of the product give no access and one of them has an
	 * unpaid charge (DELAYED past the producer's grace, or OVERDUE; see the date it is
	 * overdue since).
	 */
	SUBSCRIPTION_OVERDUE,

	/**
	 * The student's subscriptions of the product give no access and one of them was
	 * cancelled (see the date its access ended).
	 */
	SUBSCRIPTION_CANCELLED,

	/**
	 * The student's subscriptions of the product give no access for another reason
	 * (INACTIVE, STARTED...).
	 */
	SUBSCRIPTION_INACTIVE,

	/** The student's group does not see this content. */
	NOT_IN_GROUP,

	/**
	 * The content is released later (see the date) or after another page is completed.
	 */
	NOT_RELEASED_YET,

	/** The content expired for this student (see the date). */
	EXPIRED,

	/** The page or its module is not published. */
	UNPUBLISHED,

	/** The page's video, file or link is missing. */
	MEDIA_UNAVAILABLE,

	/** The page is password-protected and the student has not typed the password yet. */
	PASSWORD_REQUIRED;

	/**
	 * @return the key of this reason in the {@code club} message bundle
	 */
	public String messageKey() {
		return "club.reason." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
