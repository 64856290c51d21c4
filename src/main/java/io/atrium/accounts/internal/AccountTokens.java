package io.atrium.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single-use links sent by e-mail: 256 random bits, only their SHA-256 hash stored, each
 * with an expiry. Using one marks it used; a second use, an expired one or an unknown one
 * finds nothing.
 */
@Component
class AccountTokens {

	enum Purpose {

		ACTIVATION(Duration.ofHours(72)), PASSWORD_RESET(Duration.ofHours(1));

		final Duration validity;

		Purpose(Duration validity) {
			this.validity = validity;
		}

	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	AccountTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Issues a new token; earlier unused tokens of the same purpose stay valid until they
	 * expire.
	 */
	String issue(long accountId, Purpose purpose) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		this.jdbc
			.sql("INSERT INTO account_tokens (account_id, purpose, token_hash, created_at, expires_at) "
					+ "VALUES (?, ?, ?, ?, ?)")
			.params(accountId, purpose.name(), hash(token), Timestamp.from(now),
					Timestamp.from(now.plus(purpose.validity)))
			.update();
		return token;
	}

	/**
	 * The account a token belongs to, if the token is known, unused and not expired; uses
	 * nothing.
	 */
	Optional<Long> peek(String token, Purpose purpose) {
		if (!plausible(token)) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("SELECT account_id FROM account_tokens WHERE token_hash = ? AND purpose = ? AND used_at IS NULL "
					+ "AND expires_at > ?")
			.params(hash(token), purpose.name(), Timestamp.from(this.clock.instant()))
			.query(Long.class)
			.optional();
	}

	/**
	 * Uses a token: marks it used in the caller's transaction. Exactly one of two
	 * concurrent uses succeeds (the update is conditional).
	 */
	Optional<Long> consume(String token, Purpose purpose) {
		Optional<Long> account = peek(token, purpose);
		if (account.isEmpty()) {
			return account;
		}
		int updated = this.jdbc
			.sql("UPDATE account_tokens SET used_at = ? WHERE token_hash = ? AND purpose = ? AND used_at IS NULL")
			.params(Timestamp.from(this.clock.instant()), hash(token), purpose.name())
			.update();
		return (updated == 1) ? account : Optional.empty();
	}

	/**
	 * Ends every unused token of an account for a purpose (for example after a password
	 * change).
	 */
	void revokeAll(long accountId, Purpose purpose) {
		this.jdbc.sql("UPDATE account_tokens SET used_at = ? WHERE account_id = ? AND purpose = ? AND used_at IS NULL")
			.params(Timestamp.from(this.clock.instant()), accountId, purpose.name())
			.update();
	}

	private static boolean plausible(String token) {
		return token != null && token.length() >= 32 && token.length() <= 128
				&& token.chars().allMatch((c) -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
