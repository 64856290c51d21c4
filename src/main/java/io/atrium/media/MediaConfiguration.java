package io.atrium.media;

import java.time.Clock;

import io.atrium.media.internal.DatabaseBlobStore;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Chooses the {@link BlobStore} from {@code atrium.media.store}: {@code database} (the
 * default) or {@code s3}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(S3Settings.class)
class MediaConfiguration {

	@Bean
	BlobStore blobStore(@Value("${atrium.media.store:database}") String store, JdbcClient jdbc, Clock clock,
			S3Settings s3) {
		DatabaseBlobStore database = new DatabaseBlobStore(jdbc, clock);
		return switch (store.trim().toLowerCase()) {
			case "database", "" -> database;
			case "s3" -> new FallbackBlobStore(s3.store(), database);
			default -> throw new IllegalStateException(
					"atrium.media.store must be 'database' or 's3', not '" + store + "' (docs/media.md).");
		};
	}

}
