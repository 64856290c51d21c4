package io.atrium.media;

import java.util.List;

/**
 * What an uploaded image is for: decides its byte limit, the variants it is resized into
 * and whether its addresses may be kept by shared caches.
 */
public enum ImagePurpose {

	/** A producer's logo, shown in the header of the pages buyers and students see. */
	LOGO(2, false, List.of(new ImageVariant(Images.LOGO, 480, 96, false))),

	/** A producer's favicon: a square 32 px icon and a 180 px touch icon, always PNG. */
	FAVICON(1, false,
			List.of(new ImageVariant(Images.FAVICON, 32, 32, true),
					new ImageVariant(Images.TOUCH_ICON, 180, 180, true))),

	/** A product's cover, shown on its checkout page and as the course's cover. */
	PRODUCT_COVER(10, false, covers()),

	/** A members-area module's cover. */
	MODULE_COVER(10, false, covers()),

	/**
	 * An image inside a lesson. Its address is unguessable and kept out of shared caches:
	 * see docs/media.md.
	 */
	LESSON_IMAGE(10, true, List.of(new ImageVariant(Images.LESSON, 1600, 1600, false)));

	private final int maxMegabytes;

	private final boolean restricted;

	private final List<ImageVariant> variants;

	ImagePurpose(int maxMegabytes, boolean restricted, List<ImageVariant> variants) {
		this.maxMegabytes = maxMegabytes;
		this.restricted = restricted;
		this.variants = variants;
	}

	private static List<ImageVariant> covers() {
		return List.of(new ImageVariant(Images.COVER, 1200, 675, true),
				new ImageVariant(Images.COVER_SMALL, 600, 338, true));
	}

	/**
	 * @return the largest upload, in MB
	 */
	public int maxMegabytes() {
		return this.maxMegabytes;
	}

	/**
	 * @return the largest upload, in bytes
	 */
	public int maxBytes() {
		return this.maxMegabytes * 1024 * 1024;
	}

	/**
	 * @return whether the image belongs to paid content (served {@code private}, never to
	 * shared caches)
	 */
	public boolean restricted() {
		return this.restricted;
	}

	/**
	 * @return the sizes it is stored in
	 */
	public List<ImageVariant> variants() {
		return this.variants;
	}

	/**
	 * @return whether every variant is a PNG whatever the upload was (icons)
	 */
	public boolean alwaysPng() {
		return this == FAVICON;
	}

	/**
	 * One stored size of an image.
	 *
	 * @param name the name in its address ({@code cover-1200})
	 * @param width the largest width in pixels
	 * @param height the largest height in pixels
	 * @param crop whether the image is cropped (centred) to exactly this size; otherwise
	 * it keeps its proportions within it and is never enlarged
	 */
	public record ImageVariant(String name, int width, int height, boolean crop) {
	}

}
