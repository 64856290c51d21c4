package io.atrium.api.internal;

import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * Keeps {@code api_credentials.last_used_at} current to within a minute without writing
 * on every call: this instance writes at most once a minute per credential.
 */
@Component
public class LastUse {

	static final Duration GRANULARITY = Duration.ofMinutes(1);

	private final Cache<Long, Instant> written = Caffeine.newBuilder()
		.maximumSize(100_000)
		.expireAfterWrite(GRANULARITY)
		.build();

	private final CredentialRows credentials;

	public LastUse(CredentialRows credentials) {
		this.credentials = credentials;
	}

	/**
	 * Notes that a credential was used now.
	 * @param credentialId the credential
	 * @param now the current time
	 */
	public void record(long credentialId, Instant now) {
		Instant last = this.written.getIfPresent(credentialId);
		if (last != null && !now.isBefore(last) && now.isBefore(last.plus(GRANULARITY))) {
			return;
		}
		this.written.put(credentialId, now);
		this.credentials.touch(credentialId, now);
	}

}
