package io.atrium.catalog;

import java.time.Instant;

/**
 * A product's image, as stored.
 *
 * @param contentType {@code image/png}, {@code image/jpeg} or {@code image/webp}, from
 * the file's first bytes
 * @param bytes the file, at most 2 MB
 * @param updatedAt when it was uploaded
 */
public record ProductImage(String contentType, byte[] bytes, Instant updatedAt) {

	/** The largest image, in bytes (2 MB). */
	public static final int MAX_BYTES = 2 * 1024 * 1024;

}
