package io.atrium.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * What a producer states when creating a coupon.
 *
 * @param code 1 to 25 letters, digits, {@code -} or {@code _}; unique per product without
 * regard to case (stored in upper case)
 * @param discount a fraction, 0 &lt; d &lt; 0.99, at most 4 decimal places (0.2 is 20%)
 * @param startsAt when it starts to apply (inclusive), or null for at once
 * @param endsAt when it stops applying (exclusive), or null for never; after
 * {@code startsAt}
 * @param offerIds the offers of the product it is limited to; empty for all
 */
public record CouponDetails(String code, BigDecimal discount, Instant startsAt, Instant endsAt, Set<Long> offerIds) {

	/** The longest code. */
	public static final int MAX_CODE = 25;

	public CouponDetails {
		offerIds = (offerIds != null) ? Set.copyOf(offerIds) : Set.of();
	}

}
