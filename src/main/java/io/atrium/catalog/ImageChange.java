package io.atrium.catalog;

/**
 * What to do with a product's image when saving it.
 *
 * @param bytes the new image (PNG, JPEG or WebP; checked and resized by the media
 * module), or null
 * @param remove whether to remove the current image (ignored when {@code bytes} is given)
 */
public record ImageChange(byte[] bytes, boolean remove) {

	/**
	 * @return leave the image as it is
	 */
	public static ImageChange keep() {
		return new ImageChange(null, false);
	}

	/**
	 * @return remove the image
	 */
	public static ImageChange removeImage() {
		return new ImageChange(null, true);
	}

	/**
	 * @param bytes the uploaded file
	 * @return replace the image
	 */
	public static ImageChange upload(byte[] bytes) {
		return new ImageChange(bytes, false);
	}

}
