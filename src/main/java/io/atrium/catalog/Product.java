package io.atrium.catalog;

import java.time.Instant;
import java.util.UUID;

/**
 * A product as its producer manages it.
 *
 * @param id the numeric id (7 digits)
 * @param ucode the UUID
 * @param producerAccountId the owner
 * @param details what the producer stated
 * @param hasImage whether it has an image
 * @param mainOfferId the main offer's id, null while it has no offer
 * @param offerCount how many offers it has
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 * @param imageRef its image's reference in the media module ({@code key.extension}), null
 * without one
 */
public record Product(long id, UUID ucode, long producerAccountId, ProductDetails details, boolean hasImage,
		Long mainOfferId, int offerCount, Instant createdAt, Instant updatedAt, String imageRef) {

	/**
	 * @return the product as other modules see it
	 */
	public ProductSummary summary() {
		ProductDetails d = this.details;
		return new ProductSummary(this.id, this.ucode, this.producerAccountId, d.name(), d.description(), d.format(),
				d.status(), d.warrantyDays(), d.delivery(), d.supportEmail(), this.hasImage, this.imageRef);
	}

	/**
	 * @return the path of its image (meaningful only when {@link #hasImage()})
	 */
	public String imagePath() {
		return "/catalog/products/" + this.ucode + "/image";
	}

}
