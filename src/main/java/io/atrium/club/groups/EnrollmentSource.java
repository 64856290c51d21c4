package io.atrium.club.groups;

/**
 * How a student got into a product.
 */
public enum EnrollmentSource {

	/** Bought it. */
	BUYER,

	/** Imported or added by the producer without a purchase. */
	IMPORTED

}
