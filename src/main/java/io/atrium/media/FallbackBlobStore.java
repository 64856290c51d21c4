package io.atrium.media;

import java.util.Optional;

/**
 * Writes to one store and reads from it, then from another: after switching to S3, what
 * the database stored before is still served.
 */
final class FallbackBlobStore implements BlobStore {

	private final BlobStore primary;

	private final BlobStore previous;

	FallbackBlobStore(BlobStore primary, BlobStore previous) {
		this.primary = primary;
		this.previous = previous;
	}

	@Override
	public void put(long producerAccountId, String name, String contentType, byte[] bytes) {
		this.primary.put(producerAccountId, name, contentType, bytes);
	}

	@Override
	public Optional<byte[]> get(String name) {
		Optional<byte[]> bytes = this.primary.get(name);
		return bytes.isPresent() ? bytes : this.previous.get(name);
	}

	@Override
	public void delete(String name) {
		this.primary.delete(name);
		this.previous.delete(name);
	}

}
