package io.atrium.api.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.atrium.api.ApiClient;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues bearer tokens to client credentials and recognises them on API calls. Only the
 * SHA-256 of a token is stored; every call looks it up together with its credential, so a
 * revoked credential's tokens stop working on the very next call.
 */
@Service
public class AccessTokens {

	/** Token lifetime: 172799 seconds, as Hotmart answers (hotmart-api.md §1, §9). */
	public static final Duration LIFETIME = Duration.ofSeconds(172799);

	/** The scope every token carries. */
	public static final String SCOPE = "read write";

	private final CredentialRows credentials;

	private final JdbcClient jdbc;

	private final ApiKeys keys;

	private final LastUse lastUse;

	private final Clock clock;

	public AccessTokens(CredentialRows credentials, JdbcClient jdbc, ApiKeys keys, LastUse lastUse, Clock clock) {
		this.credentials = credentials;
		this.jdbc = jdbc;
		this.keys = keys;
		this.lastUse = lastUse;
		this.clock = clock;
	}

	/**
	 * A token just issued.
	 *
	 * @param accessToken the bearer token (shown once, stored hashed)
	 * @param jti the token's unique id
	 * @param expiresIn lifetime in seconds
	 */
	public record IssuedToken(String accessToken, String jti, long expiresIn) {

		@Override
		public String toString() {
			return "IssuedToken[jti=" + this.jti + "]";
		}

	}

	/**
	 * Issues a token when the client id names an active credential and the secret
	 * matches.
	 * @param clientId the presented client id
	 * @param clientSecret the presented client secret
	 * @return the token, or empty when the credential is unknown, revoked or the secret
	 * is wrong (the caller cannot tell which)
	 */
	@Transactional
	public Optional<IssuedToken> issue(String clientId, String clientSecret) {
		Optional<CredentialRows.Row> found = this.credentials.findByClientId(clientId);
		if (found.isEmpty()) {
			// same work as a real check, so timing does not tell unknown ids apart
			this.keys.secretHmac(clientSecret);
			return Optional.empty();
		}
		CredentialRows.Row row = found.get();
		if (!this.keys.secretMatches(clientSecret, row.secretHmac()) || !row.credential().active()) {
			return Optional.empty();
		}
		String token = this.keys.randomToken();
		String jti = UUID.randomUUID().toString();
		Instant now = this.clock.instant();
		this.jdbc
			.sql("INSERT INTO api_access_tokens (token_hash, credential_id, producer_account_id, jti, issued_at, "
					+ "expires_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(ApiKeys.sha256Hex(token), row.credential().id(), row.credential().producerAccountId(), jti,
					CredentialRows.utc(now), CredentialRows.utc(now.plus(LIFETIME)))
			.update();
		this.lastUse.record(row.credential().id(), now);
		return Optional.of(new IssuedToken(token, jti, LIFETIME.toSeconds()));
	}

	private record TokenRow(ApiClient client, Instant expiresAt, boolean revoked) {

	}

	/**
	 * What a presented bearer token is worth.
	 *
	 * @param client the caller when the token is valid, else null
	 * @param status whether it is valid, unknown/revoked or expired
	 */
	public record Verdict(ApiClient client, Status status) {

		/** The outcomes. */
		public enum Status {

			/** Known, unexpired, credential active. */
			VALID,

			/** Never issued, garbage, or its credential was revoked. */
			INVALID,

			/** Issued but past its lifetime. */
			EXPIRED

		}

	}

	/**
	 * Recognises a bearer token.
	 * @param token the presented token
	 * @return the verdict
	 */
	public Verdict authenticate(String token) {
		if (token == null || token.isEmpty() || token.length() > 512) {
			return new Verdict(null, Verdict.Status.INVALID);
		}
		Instant now = this.clock.instant();
		Optional<TokenRow> found = this.jdbc
			.sql("SELECT t.credential_id, t.expires_at, c.producer_account_id, c.revoked_at "
					+ "FROM api_access_tokens t JOIN api_credentials c ON c.id = t.credential_id "
					+ "WHERE t.token_hash = ?")
			.param(ApiKeys.sha256Hex(token))
			.query((rs, n) -> new TokenRow(
					new ApiClient(rs.getLong("producer_account_id"), rs.getLong("credential_id")),
					CredentialRows.instant(rs, "expires_at"), rs.getObject("revoked_at") != null))
			.optional();
		if (found.isEmpty() || found.get().revoked()) {
			return new Verdict(null, Verdict.Status.INVALID);
		}
		if (!found.get().expiresAt().isAfter(now)) {
			return new Verdict(null, Verdict.Status.EXPIRED);
		}
		ApiClient client = found.get().client();
		this.lastUse.record(client.credentialId(), now);
		return new Verdict(client, Verdict.Status.VALID);
	}

}
