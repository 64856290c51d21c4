package io.atrium.catalog;

/**
 * Narrows a list of a producer's products; null means any.
 *
 * @param id one product id
 * @param status one status
 * @param format one format
 */
public record ProductFilter(Long id, ProductStatus status, ProductFormat format) {

	/** Every product. */
	public static final ProductFilter NONE = new ProductFilter(null, null, null);

}
