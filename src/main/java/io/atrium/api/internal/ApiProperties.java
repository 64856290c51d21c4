package io.atrium.api.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the developer API ({@code atrium.api.*}).
 *
 * @param secretKey base64 of at least 32 random bytes: the key under which client secrets
 * are hashed and stored idempotent responses are encrypted
 * ({@code ATRIUM_API_SECRET_KEY}). When empty, a key is generated once and kept in the
 * database for every instance. Changing it invalidates every credential.
 * @param rateLimitPerMinute calls per minute allowed per credential, and token requests
 * per minute per client id ({@code ATRIUM_API_RATE_LIMIT_PER_MINUTE}, default 500)
 */
@ConfigurationProperties("atrium.api")
public record ApiProperties(String secretKey, @DefaultValue("500") int rateLimitPerMinute) {

	public ApiProperties {
		if (rateLimitPerMinute < 1) {
			throw new IllegalArgumentException("atrium.api.rate-limit-per-minute must be at least 1");
		}
	}

}
