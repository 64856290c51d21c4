package io.atrium.catalog;

/**
 * What a producer states about a product when creating or changing it.
 *
 * @param name 1 to 100 characters
 * @param description up to 5000 characters, may be empty or null
 * @param supportEmail the e-mail address buyers write to
 * @param format what is sold
 * @param status draft, active or paused
 * @param warrantyDays the refund guarantee: 7, 15, 21 or 30
 * @param delivery members area, or external with an http(s) address (up to 2000
 * characters) and access instructions (1 to 2000 characters)
 */
public record ProductDetails(String name, String description, String supportEmail, ProductFormat format,
		ProductStatus status, int warrantyDays, Delivery delivery) {

	/** The refund guarantees a product may have, in days. */
	public static final java.util.List<Integer> WARRANTY_DAYS = java.util.List.of(7, 15, 21, 30);

	/** The longest name. */
	public static final int MAX_NAME = 100;

	/** The longest description. */
	public static final int MAX_DESCRIPTION = 5000;

	/** The longest external address and access instructions. */
	public static final int MAX_EXTERNAL = 2000;

}
