package io.atrium.catalog;

/**
 * Whether a product is for sale. Only {@link #ACTIVE} products should be sold.
 */
public enum ProductStatus {

	/** Being prepared; not for sale. */
	DRAFT,

	/** For sale. */
	ACTIVE,

	/** No longer for sale for now; existing buyers keep their access. */
	PAUSED

}
