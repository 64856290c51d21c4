package io.atrium.api.internal;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.atrium.api.ApiClient;
import io.atrium.api.Credential;

import org.springframework.stereotype.Service;

/**
 * Issues bearer tokens to client credentials and recognises them on API calls.
 * <p>
 * A token is a JWT signed with HMAC-SHA-256 under a key derived from the API secret key
 * ({@link ApiKeys}, the same on every instance): it names its credential, producer,
 * {@code jti}, issue and expiry times, so issuing one writes nothing. Every call still
 * reads the token's credential, so a revoked credential's tokens stop working on the very
 * next call. Until 2026-12 each token was a random string stored as a row; that row was a
 * third of a token request's database work and capped the token rate
 * (docs/performance.md, W5).
 */
@Service
public class AccessTokens {

	/** Token lifetime: 172799 seconds, as Hotmart answers (hotmart-api.md §1, §9). */
	public static final Duration LIFETIME = Duration.ofSeconds(172799);

	/** The scope every token carries. */
	public static final String SCOPE = "read write";

	static final String CREDENTIAL_CLAIM = "cid";

	static final String PRODUCER_CLAIM = "pid";

	static final String CLIENT_ID_CLAIM = "client_id";

	private static final int MAX_TOKEN = 1024;

	private final CredentialRows credentials;

	private final ApiKeys keys;

	private final LastUse lastUse;

	private final Clock clock;

	private volatile Signing signing;

	public AccessTokens(CredentialRows credentials, ApiKeys keys, LastUse lastUse, Clock clock) {
		this.credentials = credentials;
		this.keys = keys;
		this.lastUse = lastUse;
		this.clock = clock;
	}

	/**
	 * A token just issued.
	 *
	 * @param accessToken the bearer token
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
	 * A presented client id, looked up once: it picks the rate-limit bucket, then
	 * {@link #issue(Client, String)} checks the secret against it.
	 */
	public static final class Client {

		private final String clientId;

		private final CredentialRows.Row row;

		private Client(String clientId, CredentialRows.Row row) {
			this.clientId = clientId;
			this.row = row;
		}

		/**
		 * @return the client id when it names a credential (revoked or not), else null:
		 * made-up ids share one rate-limit bucket instead of adding a row each
		 */
		public String knownClientId() {
			return (this.row != null) ? this.clientId : null;
		}

	}

	/**
	 * Looks up a presented client id.
	 * @param clientId the presented client id
	 * @return it, with its credential when there is one
	 */
	public Client client(String clientId) {
		return new Client(clientId, this.credentials.findByClientId(clientId).orElse(null));
	}

	/**
	 * Issues a token when the client id names an active credential and the secret
	 * matches.
	 * @param client the presented client id, looked up
	 * @param clientSecret the presented client secret
	 * @return the token, or empty when the credential is unknown, revoked or the secret
	 * is wrong (the caller cannot tell which)
	 */
	public Optional<IssuedToken> issue(Client client, String clientSecret) {
		if (client.row == null) {
			// same work as a real check, so timing does not tell unknown ids apart
			this.keys.secretHmac(clientSecret);
			return Optional.empty();
		}
		CredentialRows.Row row = client.row;
		if (!this.keys.secretMatches(clientSecret, row.secretHmac()) || !row.credential().active()) {
			return Optional.empty();
		}
		Credential credential = row.credential();
		String jti = UUID.randomUUID().toString();
		// whole seconds, as the token carries them
		Instant now = Instant.ofEpochSecond(this.clock.instant().getEpochSecond());
		JWTClaimsSet claims = new JWTClaimsSet.Builder().jwtID(jti)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(LIFETIME)))
			.claim(CREDENTIAL_CLAIM, credential.id())
			.claim(PRODUCER_CLAIM, credential.producerAccountId())
			.claim(CLIENT_ID_CLAIM, credential.clientId())
			.claim("scope", SCOPE)
			.build();
		SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
		try {
			token.sign(signing().signer());
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot sign an access token", ex);
		}
		this.lastUse.record(credential.id(), now);
		return Optional.of(new IssuedToken(token.serialize(), jti, LIFETIME.toSeconds()));
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

			/** Signed by us, unexpired, credential active. */
			VALID,

			/** Garbage, not signed by us, or its credential was revoked. */
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
		Optional<Claims> claims = verified(token);
		if (claims.isEmpty()) {
			return new Verdict(null, Verdict.Status.INVALID);
		}
		Optional<Credential> credential = this.credentials.find(claims.get().credentialId());
		if (credential.isEmpty() || !credential.get().active()
				|| credential.get().producerAccountId() != claims.get().producerAccountId()) {
			return new Verdict(null, Verdict.Status.INVALID);
		}
		Instant now = this.clock.instant();
		if (!claims.get().expiresAt().isAfter(now)) {
			return new Verdict(null, Verdict.Status.EXPIRED);
		}
		ApiClient client = new ApiClient(credential.get().producerAccountId(), credential.get().id());
		this.lastUse.record(client.credentialId(), now);
		return new Verdict(client, Verdict.Status.VALID);
	}

	private record Claims(long credentialId, long producerAccountId, Instant expiresAt) {

	}

	/**
	 * The token's claims when it is a JWT we signed (HS256 under our key, nothing else).
	 */
	private Optional<Claims> verified(String token) {
		if (token == null || token.isEmpty() || token.length() > MAX_TOKEN) {
			return Optional.empty();
		}
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(signing().verifier())) {
				return Optional.empty();
			}
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			Long credentialId = claims.getLongClaim(CREDENTIAL_CLAIM);
			Long producerId = claims.getLongClaim(PRODUCER_CLAIM);
			Date expiresAt = claims.getExpirationTime();
			if (credentialId == null || producerId == null || expiresAt == null) {
				return Optional.empty();
			}
			return Optional.of(new Claims(credentialId, producerId, expiresAt.toInstant()));
		}
		catch (ParseException | JOSEException | RuntimeException ex) {
			// not a JWT, a part that is not base64 or JSON, a claim of the wrong type
			return Optional.empty();
		}
	}

	private Signing signing() {
		Signing current = this.signing;
		if (current == null) {
			byte[] key = this.keys.accessTokenKey();
			try {
				current = new Signing(new MACSigner(key), new MACVerifier(key));
			}
			catch (JOSEException ex) {
				throw new IllegalStateException("The access-token key is unusable", ex);
			}
			this.signing = current;
		}
		return current;
	}

	private record Signing(MACSigner signer, MACVerifier verifier) {

	}

}
