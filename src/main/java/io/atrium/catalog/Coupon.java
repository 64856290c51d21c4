package io.atrium.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * A coupon as its producer manages it.
 *
 * @param id the numeric id
 * @param productId its product
 * @param code upper case
 * @param discount the fraction off, 0 &lt; d &lt; 0.99
 * @param startsAt the start (inclusive), null for none
 * @param endsAt the end (exclusive), null for none
 * @param offerIds the offers it is limited to, empty for all of the product's
 * @param createdAt when it was created
 */
public record Coupon(long id, long productId, String code, BigDecimal discount, Instant startsAt, Instant endsAt,
		Set<Long> offerIds, Instant createdAt) {

	/**
	 * Whether the coupon applies at an instant, ignoring offers.
	 */
	public enum Status {

		/** It applies. */
		VALID,

		/** It starts later. */
		NOT_YET_VALID,

		/** It ended. */
		EXPIRED

	}

	/**
	 * @param at an instant
	 * @return whether it applies then
	 */
	public Status status(Instant at) {
		if (this.startsAt != null && at.isBefore(this.startsAt)) {
			return Status.NOT_YET_VALID;
		}
		if (this.endsAt != null && !at.isBefore(this.endsAt)) {
			return Status.EXPIRED;
		}
		return Status.VALID;
	}

	/**
	 * @param offerId an offer of the product
	 * @return whether it may be used with that offer
	 */
	public boolean appliesTo(long offerId) {
		return this.offerIds.isEmpty() || this.offerIds.contains(offerId);
	}

}
