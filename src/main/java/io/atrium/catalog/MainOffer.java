package io.atrium.catalog;

import java.util.Collection;

/**
 * The one-main-offer rule, pure: a product's first offer becomes its main offer, and only
 * one of its own offers can take the mark over.
 */
final class MainOffer {

	private MainOffer() {
	}

	/**
	 * @param currentMain the product's main offer, null while it has none
	 * @param newOffer an offer just added
	 * @return the main offer afterwards
	 */
	static long afterAdding(Long currentMain, long newOffer) {
		return (currentMain != null) ? currentMain : newOffer;
	}

	/**
	 * @param offersOfProduct the ids of the product's offers
	 * @param chosen the offer to make main
	 * @return the main offer afterwards
	 * @throws CatalogNotFound when the chosen offer is not one of the product's
	 */
	static long afterChoosing(Collection<Long> offersOfProduct, long chosen) {
		if (!offersOfProduct.contains(chosen)) {
			throw new CatalogNotFound("No offer " + chosen + " in this product.");
		}
		return chosen;
	}

}
