package io.atrium.media;

import java.util.Optional;
import java.util.regex.Pattern;

import io.atrium.media.internal.ImageRows;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads stored variants for the media addresses ({@code /media/<key>/<variant>.<ext>}).
 */
@Service
public class MediaFiles {

	private static final Pattern KEY = Pattern.compile("[0-9a-f]{32}");

	private final ImageRows rows;

	private final BlobStore store;

	MediaFiles(ImageRows rows, BlobStore store) {
		this.rows = rows;
		this.store = store;
	}

	/**
	 * One variant, without its bytes (enough to answer a conditional request).
	 *
	 * @param etag its entity tag (the address never changes, so the key and variant are
	 * enough)
	 * @param contentType what to serve it as
	 * @param restricted whether it is a lesson image (kept out of shared caches)
	 * @param blobName where its bytes are
	 */
	public record MediaFile(String etag, String contentType, boolean restricted, String blobName) {
	}

	/**
	 * @param key an image's key
	 * @param variant a variant name
	 * @param extension the address's extension
	 * @return the variant, empty when there is none at that address
	 */
	@Transactional(readOnly = true)
	public Optional<MediaFile> find(String key, String variant, String extension) {
		if (!KEY.matcher(key).matches()) {
			return Optional.empty();
		}
		return this.rows.served(key, variant)
			.filter((s) -> s.extension().equals(extension))
			.map((s) -> new MediaFile("\"" + key + "-" + variant + "\"", s.contentType(),
					ImagePurpose.valueOf(s.purpose()).restricted(), s.blobName()));
	}

	/**
	 * @param file a variant
	 * @return its bytes, empty when the store has lost them
	 */
	public Optional<byte[]> bytes(MediaFile file) {
		return this.store.get(file.blobName());
	}

}
