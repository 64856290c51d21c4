package io.atrium.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import io.atrium.api.internal.ApiKeys;
import io.atrium.api.internal.CredentialRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A producer's developer API credentials: create (the secret is returned once and stored
 * only as a keyed hash), list with last use, revoke. Every method is scoped to one
 * producer: a credential of another producer is as good as absent.
 */
@Service
public class ApiCredentials {

	private static final Logger log = LoggerFactory.getLogger(ApiCredentials.class);

	/** The longest credential name. */
	public static final int MAX_NAME_LENGTH = 100;

	private final CredentialRows rows;

	private final ApiKeys keys;

	private final Clock clock;

	ApiCredentials(CredentialRows rows, ApiKeys keys, Clock clock) {
		this.rows = rows;
		this.keys = keys;
		this.clock = clock;
	}

	/**
	 * Creates a credential with a random client id (a UUID) and secret (256 bits).
	 * @param producerAccountId the owning producer's account id
	 * @param name a name, 1 to 100 characters after trimming
	 * @return the credential with its secret and basic token, to show once
	 * @throws IllegalArgumentException when the name is blank or too long
	 */
	@Transactional
	public CreatedCredential create(long producerAccountId, String name) {
		return insert(producerAccountId, validName(name), UUID.randomUUID().toString(), this.keys.randomToken());
	}

	/**
	 * Creates a credential with given values, for demo data and automation
	 * ({@code ATRIUM_DEMO_CLIENT_ID} / {@code ATRIUM_DEMO_CLIENT_SECRET}). Idempotent:
	 * when the producer already has a credential with that client id, it is kept and its
	 * secret set to the given one.
	 * @param producerAccountId the owning producer's account id
	 * @param name a name, 1 to 100 characters after trimming
	 * @param clientId 1 to 64 printable characters without {@code :}
	 * @param clientSecret 1 to 200 printable characters
	 * @return the credential with the given secret
	 * @throws IllegalArgumentException on invalid values, or when another producer
	 * already has that client id
	 */
	@Transactional
	public CreatedCredential createWithValues(long producerAccountId, String name, String clientId,
			String clientSecret) {
		String validName = validName(name);
		if (clientId == null || !clientId.matches("[\\x21-\\x39\\x3b-\\x7e]{1,64}")) {
			throw new IllegalArgumentException("A client id is 1 to 64 printable ASCII characters without ':'");
		}
		if (clientSecret == null || !clientSecret.matches("[\\x21-\\x7e]{1,200}")) {
			throw new IllegalArgumentException("A client secret is 1 to 200 printable ASCII characters");
		}
		if (clientSecret.length() < 32) {
			log.warn("API credential {} has a short secret ({} characters); use at least 32 random characters",
					clientId, clientSecret.length());
		}
		Optional<CredentialRows.Row> existing = this.rows.findByClientId(clientId);
		if (existing.isPresent()) {
			Credential credential = existing.get().credential();
			if (credential.producerAccountId() != producerAccountId) {
				throw new IllegalArgumentException("Client id " + clientId + " belongs to another producer");
			}
			if (!this.keys.secretMatches(clientSecret, existing.get().secretHmac())) {
				this.rows.updateSecret(credential.id(), this.keys.secretHmac(clientSecret));
			}
			return created(credential.id(), credential.name(), clientId, clientSecret, credential.createdAt());
		}
		return insert(producerAccountId, validName, clientId, clientSecret);
	}

	/**
	 * Lists a producer's credentials, newest first, revoked ones included.
	 * @param producerAccountId the producer
	 * @param page which page
	 * @return one page
	 */
	@Transactional(readOnly = true)
	public CursorPage<Credential> list(long producerAccountId, PageQuery page) {
		return page.page(this.rows.list(producerAccountId, page.after(), page.fetchSize()), Credential::id);
	}

	/**
	 * @param producerAccountId the producer asking
	 * @param credentialId a credential id
	 * @return the credential when it is the producer's own
	 */
	@Transactional(readOnly = true)
	public Optional<Credential> find(long producerAccountId, long credentialId) {
		return this.rows.find(producerAccountId, credentialId);
	}

	/**
	 * Revokes one of the producer's credentials: its tokens stop working on the very next
	 * call and it can obtain no new ones. Revoking a revoked credential changes nothing.
	 * @param producerAccountId the producer asking
	 * @param credentialId a credential id
	 * @return false when the producer has no such credential (nothing changed)
	 */
	@Transactional
	public boolean revoke(long producerAccountId, long credentialId) {
		boolean found = this.rows.revoke(producerAccountId, credentialId, this.clock.instant());
		if (found) {
			log.info("API credential {} of producer {} revoked", credentialId, producerAccountId);
		}
		return found;
	}

	private CreatedCredential insert(long producerAccountId, String name, String clientId, String secret) {
		Instant now = this.clock.instant();
		long id = this.rows.insert(producerAccountId, name, clientId, this.keys.secretHmac(secret), now);
		log.info("API credential {} ({}) created for producer {}", id, clientId, producerAccountId);
		return created(id, name, clientId, secret, now);
	}

	private static CreatedCredential created(long id, String name, String clientId, String secret, Instant at) {
		String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return new CreatedCredential(id, name, clientId, secret, basic, at);
	}

	private static String validName(String name) {
		String trimmed = (name != null) ? name.strip() : "";
		if (trimmed.isEmpty() || trimmed.length() > MAX_NAME_LENGTH) {
			throw new IllegalArgumentException("A credential name is 1 to " + MAX_NAME_LENGTH + " characters");
		}
		return trimmed;
	}

}
