package io.atrium.catalog;

/**
 * Why a coupon does not apply.
 */
public enum RefusalReason {

	/** No offer has that code. */
	UNKNOWN_OFFER,

	/** No coupon has that code (for this producer). */
	UNKNOWN_COUPON,

	/** The coupon starts later; the refusal's boundary is its start. */
	NOT_YET_VALID,

	/** The coupon ended; the refusal's boundary is its end. */
	EXPIRED,

	/** The coupon belongs to another product of the same producer. */
	NOT_FOR_THIS_PRODUCT,

	/** The coupon is restricted to other offers of the product. */
	NOT_FOR_THIS_OFFER

}
