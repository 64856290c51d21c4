package io.atrium.media;

import java.util.Optional;

/**
 * Where the bytes of image variants live, shared by every instance of Atrium: the
 * database ({@code atrium.media.store=database}, the default) or an S3-compatible bucket
 * ({@code atrium.media.store=s3}). Names look like {@code <key>/<variant>.<ext>}; a name
 * is written once and never changed.
 */
public interface BlobStore {

	/**
	 * Stores bytes under a new name.
	 * @param producerAccountId the producer whose image they are (the database store keys
	 * its rows by it)
	 * @param name the name
	 * @param contentType the content type to serve them with
	 * @param bytes the bytes
	 */
	void put(long producerAccountId, String name, String contentType, byte[] bytes);

	/**
	 * @param name a name
	 * @return the bytes, empty when nothing is stored under that name
	 */
	Optional<byte[]> get(String name);

	/**
	 * Removes what is stored under a name; nothing happens when there is nothing.
	 * @param name the name
	 */
	void delete(String name);

}
