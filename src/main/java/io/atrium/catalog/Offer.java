package io.atrium.catalog;

import java.time.Instant;

/**
 * An offer as its producer manages it.
 *
 * @param id the numeric id
 * @param productId its product
 * @param code 8 lowercase letters or digits, unique
 * @param details its terms
 * @param main whether it is the product's main offer
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record Offer(long id, long productId, String code, OfferDetails details, boolean main, Instant createdAt,
		Instant updatedAt) {

	/**
	 * @return the path of its checkout link, {@code /checkout/{code}}
	 */
	public String checkoutPath() {
		return "/checkout/" + this.code;
	}

}
