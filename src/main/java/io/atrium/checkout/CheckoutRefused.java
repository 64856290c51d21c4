package io.atrium.checkout;

import java.time.Instant;

import io.atrium.catalog.RefusalReason;

/**
 * A checkout that cannot start: nothing was recorded and nothing charged.
 */
public class CheckoutRefused extends RuntimeException {

	private final Reason reason;

	private final RefusalReason couponReason;

	private final Instant couponBoundary;

	CheckoutRefused(Reason reason, RefusalReason couponReason, Instant couponBoundary, String message) {
		super(message);
		this.reason = reason;
		this.couponReason = couponReason;
		this.couponBoundary = couponBoundary;
	}

	/**
	 * @return why
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * @return for {@link Reason#COUPON_REFUSED}, the catalog's reason
	 */
	public RefusalReason couponReason() {
		return this.couponReason;
	}

	/**
	 * @return for a coupon not yet valid or expired, its start or end
	 */
	public Instant couponBoundary() {
		return this.couponBoundary;
	}

	/** Why a checkout cannot start. */
	public enum Reason {

		/** No offer has that code (or it is another producer's, for the API). */
		UNKNOWN_OFFER,

		/** The offer's product is a draft or paused. */
		NOT_FOR_SALE,

		/** The coupon does not apply. */
		COUPON_REFUSED,

		/**
		 * A plan (recurring offer) is paid by card only: later charges use the stored
		 * card.
		 */
		CARD_REQUIRED,

		/**
		 * The installments asked for are not allowed: fewer than 1, more than the offer's
		 * maximum, or more than 1 with PIX or billet.
		 */
		INSTALLMENTS_NOT_ALLOWED

	}

}
