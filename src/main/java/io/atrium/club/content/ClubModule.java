package io.atrium.club.content;

import io.atrium.media.Images;

import org.springframework.modulith.NamedInterface;

/**
 * A module of a product: an ordered list of pages.
 *
 * @param id the internal id
 * @param publicId the 10-character id the APIs show ({@code module_id})
 * @param productId the product
 * @param name the name
 * @param position its place among the product's modules, from 1
 * @param extra whether it is an extra module (shown after the main ones)
 * @param published whether students can see it
 * @param coverImage its cover's reference in the media module ({@code key.extension}),
 * null without one: {@link #coverUrl()} and {@link #coverThumbnailUrl()} are its
 * addresses
 */
@NamedInterface("content")
public record ClubModule(long id, String publicId, long productId, String name, int position, boolean extra,
		boolean published, String coverImage) {

	/**
	 * @return the address of the module's cover, 1200 × 675 (16:9), or null without one
	 */
	public String coverUrl() {
		return Images.url(this.coverImage, Images.COVER);
	}

	/**
	 * @return the address of the module's cover, 600 × 338, for lists and cards, or null
	 * without one
	 */
	public String coverThumbnailUrl() {
		return Images.url(this.coverImage, Images.COVER_SMALL);
	}

}
