package io.atrium.catalog;

import java.util.UUID;

/**
 * A product as other modules see it.
 *
 * @param id the numeric id (7 digits, from 1000000 on), as in the compatible API's
 * {@code product_id}
 * @param ucode the product's UUID, as in the compatible API's {@code ucode}
 * @param producerAccountId the account id of the producer who owns it
 * @param name the name buyers see
 * @param description the description, may be empty
 * @param format what is sold
 * @param status whether it is for sale
 * @param warrantyDays the refund guarantee: 7, 15, 21 or 30 days
 * @param delivery where the buyer gets access
 * @param supportEmail the producer's support contact for this product
 * @param hasImage whether the product has an image, served at
 * {@code /catalog/products/{ucode}/image}
 */
public record ProductSummary(long id, UUID ucode, long producerAccountId, String name, String description,
		ProductFormat format, ProductStatus status, int warrantyDays, Delivery delivery, String supportEmail,
		boolean hasImage) {

	/**
	 * @return the path of the product's image (meaningful only when {@link #hasImage()})
	 */
	public String imagePath() {
		return "/catalog/products/" + this.ucode + "/image";
	}

}
