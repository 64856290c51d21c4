package io.atrium.catalog;

import java.util.UUID;

import io.atrium.media.Images;

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
 * @param imageRef the image's reference in the media module ({@code key.extension}), null
 * without one: {@link #coverUrl()} and {@link #coverThumbnailUrl()} are its addresses
 */
public record ProductSummary(long id, UUID ucode, long producerAccountId, String name, String description,
		ProductFormat format, ProductStatus status, int warrantyDays, Delivery delivery, String supportEmail,
		boolean hasImage, String imageRef) {

	/**
	 * A product without a known image reference (its image, if any, at
	 * {@link #imagePath()}).
	 */
	public ProductSummary(long id, UUID ucode, long producerAccountId, String name, String description,
			ProductFormat format, ProductStatus status, int warrantyDays, Delivery delivery, String supportEmail,
			boolean hasImage) {
		this(id, ucode, producerAccountId, name, description, format, status, warrantyDays, delivery, supportEmail,
				hasImage, null);
	}

	/**
	 * @return the address of the product's cover, 1200 × 675 (also the course's cover in
	 * the members area), cached for ever; null without an image
	 */
	public String coverUrl() {
		return (this.imageRef != null) ? Images.url(this.imageRef, Images.COVER) : (this.hasImage ? imagePath() : null);
	}

	/**
	 * @return the address of the product's cover, 600 × 338, for lists and cards; null
	 * without an image
	 */
	public String coverThumbnailUrl() {
		return (this.imageRef != null) ? Images.url(this.imageRef, Images.COVER_SMALL)
				: (this.hasImage ? imagePath() : null);
	}

	/**
	 * @return the path of the product's image (meaningful only when {@link #hasImage()})
	 */
	public String imagePath() {
		return "/catalog/products/" + this.ucode + "/image";
	}

}
