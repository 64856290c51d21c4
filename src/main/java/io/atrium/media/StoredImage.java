package io.atrium.media;

/**
 * An image as stored: every variant of its {@link ImagePurpose}.
 *
 * @param ref its reference, {@code key.extension}: what other modules keep, and all they
 * need to build its addresses ({@link Images#url(String, String)})
 * @param producerAccountId the producer who uploaded it
 * @param purpose what it is for
 * @param width the width of the upload, in pixels
 * @param height the height of the upload, in pixels
 */
public record StoredImage(String ref, long producerAccountId, ImagePurpose purpose, int width, int height) {

	/**
	 * @param variant a variant of its purpose ({@link Images#COVER}...)
	 * @return the variant's address
	 */
	public String url(String variant) {
		return Images.url(this.ref, variant);
	}

}
