package io.atrium.api.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The developer API's cryptography: random secrets, HMAC-SHA-256 of client secrets, the
 * key that signs access tokens, AES-GCM for stored idempotent responses.
 * <p>
 * The keys derive from one master key: {@code atrium.api.secret-key} when configured,
 * otherwise a key generated once and stored in {@code platform_secrets}, shared by every
 * instance (the first instance to insert it wins; the others read it). A keyed fast hash,
 * not a password hash: the secrets are 256 random bits, so slowness buys nothing and
 * would cap token issuance.
 */
@Component
public class ApiKeys {

	private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);

	static final String STORED_KEY_NAME = "api.secret-key";

	private static final int GCM_NONCE_BYTES = 12;

	private final SecureRandom random = new SecureRandom();

	private final byte[] configuredKey;

	private final JdbcClient jdbc;

	private final TransactionTemplate newTransaction;

	private final Clock clock;

	private volatile Keys keys;

	public ApiKeys(ApiProperties properties, JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		this.configuredKey = parseConfiguredKey(properties.secretKey());
		this.jdbc = jdbc;
		this.newTransaction = new TransactionTemplate(transactions);
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	private static byte[] parseConfiguredKey(String configured) {
		if (configured == null || configured.isBlank()) {
			return null;
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(configured.trim());
		}
		catch (IllegalArgumentException ex) {
			try {
				key = Base64.getUrlDecoder().decode(configured.trim());
			}
			catch (IllegalArgumentException notUrl) {
				throw new IllegalStateException("atrium.api.secret-key (ATRIUM_API_SECRET_KEY) is not base64");
			}
		}
		if (key.length < 32) {
			throw new IllegalStateException(
					"atrium.api.secret-key (ATRIUM_API_SECRET_KEY) must be at least 32 bytes, base64-encoded; got "
							+ key.length + " bytes. Generate one with: openssl rand -base64 32");
		}
		return key;
	}

	/**
	 * @return 32 random bytes, base64url without padding (43 characters)
	 */
	public String randomToken() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * @param secret a client secret
	 * @return HMAC-SHA-256 of the secret under the platform key
	 */
	public byte[] secretHmac(String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(keys().secretHmacKey, "HmacSHA256"));
			return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param secret a presented client secret
	 * @param storedHmac the stored HMAC
	 * @return whether they match, compared in constant time
	 */
	public boolean secretMatches(String secret, byte[] storedHmac) {
		return MessageDigest.isEqual(secretHmac(secret), storedHmac);
	}

	/**
	 * @param value any text, for example a bearer token
	 * @return its hex SHA-256
	 */
	public static String sha256Hex(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param plaintext data to keep at rest
	 * @return a random nonce followed by the AES-256-GCM ciphertext
	 */
	public byte[] seal(byte[] plaintext) {
		try {
			byte[] nonce = new byte[GCM_NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys().sealingKey, "AES"),
					new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(plaintext);
			return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * @param sealed the output of {@link #seal(byte[])}
	 * @return the plaintext
	 * @throws IllegalStateException when it was sealed under another key or tampered with
	 */
	public byte[] open(byte[] sealed) {
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(keys().sealingKey, "AES"),
					new GCMParameterSpec(128, sealed, 0, GCM_NONCE_BYTES));
			return cipher.doFinal(sealed, GCM_NONCE_BYTES, sealed.length - GCM_NONCE_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot open a sealed value (was the API secret key changed?)", ex);
		}
	}

	private Keys keys() {
		Keys current = this.keys;
		if (current == null) {
			synchronized (this) {
				current = this.keys;
				if (current == null) {
					current = Keys.derivedFrom((this.configuredKey != null) ? this.configuredKey : storedKey());
					this.keys = current;
				}
			}
		}
		return current;
	}

	private byte[] storedKey() {
		String stored = readStoredKey();
		if (stored == null) {
			byte[] generated = new byte[32];
			this.random.nextBytes(generated);
			try {
				// its own transaction: a concurrent insert by another instance must not
				// abort the caller's transaction
				this.newTransaction.executeWithoutResult((status) -> this.jdbc
					.sql("INSERT INTO platform_secrets (name, secret_value, created_at) VALUES (?, ?, ?)")
					.params(STORED_KEY_NAME, Base64.getEncoder().encodeToString(generated),
							OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
					.update());
				log.info("Generated the developer API secret key and stored it in platform_secrets "
						+ "(set ATRIUM_API_SECRET_KEY to manage it yourself)");
			}
			catch (DataIntegrityViolationException ex) {
				log.debug("Another instance stored the API secret key first", ex);
			}
			stored = readStoredKey();
		}
		return Base64.getDecoder().decode(stored);
	}

	private String readStoredKey() {
		return this.newTransaction
			.execute((status) -> this.jdbc.sql("SELECT secret_value FROM platform_secrets WHERE name = ?")
				.param(STORED_KEY_NAME)
				.query(String.class)
				.optional()
				.orElse(null));
	}

	/**
	 * @return the HMAC-SHA-256 key that signs access tokens ({@link AccessTokens})
	 */
	byte[] accessTokenKey() {
		return keys().accessTokenKey;
	}

	private record Keys(byte[] secretHmacKey, byte[] sealingKey, byte[] accessTokenKey) {

		static Keys derivedFrom(byte[] master) {
			return new Keys(derive(master, "atrium/api/credential-secret"),
					derive(master, "atrium/api/idempotent-response"), derive(master, "atrium/api/access-token"));
		}

		private static byte[] derive(byte[] master, String purpose) {
			try {
				Mac mac = Mac.getInstance("HmacSHA256");
				mac.init(new SecretKeySpec(master, "HmacSHA256"));
				return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
