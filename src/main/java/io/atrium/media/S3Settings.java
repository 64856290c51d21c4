package io.atrium.media;

import java.net.URI;

import io.atrium.media.internal.S3BlobStore;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The S3-compatible store's settings ({@code atrium.media.s3.*}), used when
 * {@code atrium.media.store=s3}: any service that speaks the S3 API (AWS S3, MinIO,
 * Cloudflare R2, Backblaze B2, Ceph...).
 *
 * @param endpoint the service's address, e.g. {@code https://s3.eu-west-1.amazonaws.com}
 * or {@code http://127.0.0.1:9000}; empty for AWS's default endpoint of the region
 * @param bucket the bucket, which must exist
 * @param region the region ({@code us-east-1} for most non-AWS services)
 * @param accessKey the access key id
 * @param secretKey the secret access key
 * @param pathStyle whether to address the bucket in the path (MinIO and most self-hosted
 * services) rather than as a sub-domain
 * @param prefix a prefix for every object name, e.g. {@code atrium/}; may be empty
 */
@ConfigurationProperties("atrium.media.s3")
public record S3Settings(String endpoint, String bucket, String region, String accessKey, String secretKey,
		boolean pathStyle, String prefix) {

	/**
	 * @return a store for these settings
	 * @throws IllegalStateException when the bucket, region or keys are missing
	 */
	public BlobStore store() {
		if (blank(this.bucket) || blank(this.region) || blank(this.accessKey) || blank(this.secretKey)) {
			throw new IllegalStateException("atrium.media.store=s3 needs atrium.media.s3.bucket, region, access-key "
					+ "and secret-key (docs/media.md).");
		}
		return new S3BlobStore(blank(this.endpoint) ? null : URI.create(this.endpoint.trim()), this.bucket.trim(),
				this.region.trim(), this.accessKey, this.secretKey, this.pathStyle,
				(this.prefix != null) ? this.prefix.trim() : "");
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
