package io.atrium.catalog;

/**
 * Where a buyer gets access to a product.
 */
public enum DeliveryKind {

	/** In Atrium's own members area. */
	MEMBERS_AREA,

	/** In the producer's own place, at an address with instructions. */
	EXTERNAL

}
