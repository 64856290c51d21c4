package io.atrium.webhooks.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.atrium.webhooks.WebhookSettings;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seals the signing secrets and hottoks kept in the database (AES-GCM): they must be
 * recoverable, since Atrium signs with them, but a copy of the tables alone does not
 * reveal them when the key lives outside the database. The key is
 * {@code atrium.webhooks.secret-key} when set; otherwise one generated once and kept in
 * {@code webhook_state}, shared by every instance (the first to insert it wins). It is
 * loaded at startup, so sealing never needs a second connection.
 */
@Component
public class SecretSeal implements SmartInitializingSingleton {

	static final String KEY_NAME = "seal-key";

	private static final int NONCE_BYTES = 12;

	private final SecureRandom random = new SecureRandom();

	private final String configured;

	private final JdbcClient jdbc;

	private final Clock clock;

	private volatile SecretKeySpec key;

	SecretSeal(WebhookSettings settings, JdbcClient jdbc, Clock clock) {
		this.configured = settings.secretKey();
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		byte[] material;
		if (this.configured != null && !this.configured.isBlank()) {
			material = Base64.getDecoder().decode(this.configured.strip());
			if (material.length < 32) {
				throw new IllegalStateException("atrium.webhooks.secret-key must be base64 of at least 32 bytes");
			}
		}
		else {
			material = Base64.getDecoder().decode(storedKey());
		}
		try {
			this.key = new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(material), "AES");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String storedKey() {
		String existing = read();
		if (existing != null) {
			return existing;
		}
		byte[] fresh = new byte[32];
		this.random.nextBytes(fresh);
		try {
			this.jdbc.sql("INSERT INTO webhook_state (name, state_value, updated_at) VALUES (?, ?, ?)")
				.params(KEY_NAME, Base64.getEncoder().encodeToString(fresh),
						OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC))
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			// another instance inserted it first: use theirs
		}
		return read();
	}

	private String read() {
		return this.jdbc.sql("SELECT state_value FROM webhook_state WHERE name = ?")
			.param(KEY_NAME)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/**
	 * @param plain a secret
	 * @return it sealed, as base64 text
	 */
	public String seal(String plain) {
		try {
			byte[] nonce = new byte[NONCE_BYTES];
			this.random.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, nonce));
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] out = new byte[NONCE_BYTES + sealed.length];
			System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
			System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
			return Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot seal a webhook secret", ex);
		}
	}

	/**
	 * @param sealed what {@link #seal} returned
	 * @return the secret
	 * @throws IllegalStateException when it was sealed with another key
	 */
	public String open(String sealed) {
		try {
			byte[] in = Base64.getDecoder().decode(sealed);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(128, in, 0, NONCE_BYTES));
			return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("Cannot open a webhook secret (was atrium.webhooks.secret-key changed?)");
		}
	}

}
