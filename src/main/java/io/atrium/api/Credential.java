package io.atrium.api;

import java.time.Instant;

/**
 * A producer's API credential as listed: never carries the secret.
 *
 * @param id the credential's id
 * @param producerAccountId the owning producer's account id
 * @param name the name the producer gave it
 * @param clientId the public client id
 * @param createdAt when it was created
 * @param lastUsedAt when it last obtained a token or called the API (to within a minute),
 * null if never
 * @param revokedAt when it was revoked, null while active
 */
public record Credential(long id, long producerAccountId, String name, String clientId, Instant createdAt,
		Instant lastUsedAt, Instant revokedAt) {

	/**
	 * @return whether the credential can still obtain tokens
	 */
	public boolean active() {
		return this.revokedAt == null;
	}

}
