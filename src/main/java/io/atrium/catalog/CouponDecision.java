package io.atrium.catalog;

import java.math.BigDecimal;
import java.time.Instant;

import io.atrium.shared.Money;

/**
 * The answer of {@link Catalog#checkCoupon}: applied or refused.
 */
public sealed interface CouponDecision {

	/**
	 * The coupon applies.
	 *
	 * @param couponId the coupon's id
	 * @param code the coupon's code as stored (upper case)
	 * @param discount the discount as a fraction, 0 &lt; d &lt; 0.99 (0.2 is 20%)
	 * @param discountedPrice the offer's price less the discount, rounded half-up to
	 * minor units
	 */
	record Applied(long couponId, String code, BigDecimal discount, Money discountedPrice) implements CouponDecision {

	}

	/**
	 * The coupon does not apply.
	 *
	 * @param reason why
	 * @param boundary the coupon's start for {@link RefusalReason#NOT_YET_VALID}, its end
	 * for {@link RefusalReason#EXPIRED}, null otherwise
	 */
	record Refused(RefusalReason reason, Instant boundary) implements CouponDecision {

	}

}
