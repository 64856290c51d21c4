package io.atrium.catalog;

/**
 * The product, offer or coupon does not exist or belongs to another producer (the two are
 * never told apart, so ids of other producers cannot be probed). Nothing was changed.
 */
public class CatalogNotFound extends RuntimeException {

	/**
	 * @param message what was not found, in English, for example "No product 1000001."
	 */
	public CatalogNotFound(String message) {
		super(message);
	}

}
