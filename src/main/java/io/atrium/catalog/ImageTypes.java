package io.atrium.catalog;

/**
 * Recognises the image formats a product may have from their first bytes (never from the
 * file name or the browser's content type).
 */
final class ImageTypes {

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private ImageTypes() {
	}

	/**
	 * @param bytes a file
	 * @return {@code image/png}, {@code image/jpeg} or {@code image/webp}, or null for
	 * anything else
	 */
	static String contentType(byte[] bytes) {
		if (startsWith(bytes, PNG, 0)) {
			return "image/png";
		}
		if (startsWith(bytes, JPEG, 0)) {
			return "image/jpeg";
		}
		if (bytes.length >= 12 && startsWith(bytes, "RIFF".getBytes(), 0) && startsWith(bytes, "WEBP".getBytes(), 8)) {
			return "image/webp";
		}
		return null;
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix, int offset) {
		if (bytes.length < offset + prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[offset + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
