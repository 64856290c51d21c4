package io.atrium.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

import io.atrium.shared.Money;

/**
 * Whether a coupon applies to an offer, and the price it gives. Pure.
 */
final class CouponPolicy {

	private CouponPolicy() {
	}

	/**
	 * @param coupon the coupon of the offer's product with the code asked for, or null
	 * when the product has none
	 * @param offerId the offer
	 * @param price the offer's price
	 * @param at the instant of the purchase
	 * @return the decision
	 */
	static CouponDecision decide(Coupon coupon, long offerId, Money price, Instant at) {
		if (coupon == null) {
			return new CouponDecision.Refused(RefusalReason.UNKNOWN_COUPON, null);
		}
		switch (coupon.status(at)) {
			case NOT_YET_VALID:
				return new CouponDecision.Refused(RefusalReason.NOT_YET_VALID, coupon.startsAt());
			case EXPIRED:
				return new CouponDecision.Refused(RefusalReason.EXPIRED, coupon.endsAt());
			default:
				break;
		}
		if (!coupon.appliesTo(offerId)) {
			return new CouponDecision.Refused(RefusalReason.NOT_FOR_THIS_OFFER, null);
		}
		return new CouponDecision.Applied(coupon.id(), coupon.code(), coupon.discount(),
				discounted(price, coupon.discount()));
	}

	/**
	 * @param price a price
	 * @param discount a fraction between 0 and 1
	 * @return the price less the discount, rounded half-up to minor units, never below
	 * zero
	 */
	static Money discounted(Money price, BigDecimal discount) {
		BigDecimal remaining = BigDecimal.valueOf(price.amountMinor())
			.multiply(BigDecimal.ONE.subtract(discount))
			.setScale(0, RoundingMode.HALF_UP);
		return price.withAmount(Math.max(0, remaining.longValueExact()));
	}

}
