package io.atrium.media.internal;

import java.net.URI;
import java.util.Optional;

import io.atrium.media.BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * A {@link BlobStore} in a bucket of an S3-compatible service, shared by every instance
 * that points at it. Objects are private: Atrium reads them and serves them itself (with
 * its caching headers and its rule for lesson images).
 */
public class S3BlobStore implements BlobStore {

	private final S3Client client;

	private final String bucket;

	private final String prefix;

	public S3BlobStore(URI endpoint, String bucket, String region, String accessKey, String secretKey,
			boolean pathStyle, String prefix) {
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(region))
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.forcePathStyle(pathStyle);
		if (endpoint != null) {
			builder.endpointOverride(endpoint);
		}
		this.client = builder.build();
		this.bucket = bucket;
		this.prefix = prefix;
	}

	@Override
	public void put(long producerAccountId, String name, String contentType, byte[] bytes) {
		this.client.putObject((request) -> request.bucket(this.bucket).key(this.prefix + name).contentType(contentType),
				RequestBody.fromBytes(bytes));
	}

	@Override
	public Optional<byte[]> get(String name) {
		try {
			return Optional
				.of(this.client.getObjectAsBytes((request) -> request.bucket(this.bucket).key(this.prefix + name))
					.asByteArray());
		}
		catch (NoSuchKeyException ex) {
			return Optional.empty();
		}
	}

	@Override
	public void delete(String name) {
		this.client.deleteObject((request) -> request.bucket(this.bucket).key(this.prefix + name));
	}

}
