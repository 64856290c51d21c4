package io.atrium.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attempt limits stored in the database (table {@code attempt_counters}), so every
 * instance of a cluster counts together and a restart forgets nothing. Each limit is an
 * {@link AttemptLimiter} with a scope name ({@code limiter("mail-form-email", 5)}): a
 * token bucket per key of {@code perHour} attempts, refilled gradually over an hour, kept
 * as one row holding the instant its allowance is whole again. Keys (e-mail and client
 * addresses…) are stored only as SHA-256 hashes.
 * <p>
 * Every check or count is one short statement on the connection the caller's transaction
 * already holds, or on one borrowed for that statement alone: never a second connection
 * while the request holds one. Counts made inside a caller's transaction are undone if it
 * rolls back, so callers count outside their transactions (the web layer does). Time
 * comes from the application {@link Clock}. Rows whose allowance is whole again are
 * deleted by the {@code attempt-counters-cleanup} task ({@link #deleteRefilled()}).
 */
@Component
public class AttemptLimits {

	static final Duration PERIOD = Duration.ofHours(1);

	private static final Pattern SCOPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	/**
	 * @param dataSource the application's database
	 * @param transactions its transaction manager (for {@link #tryAcquire(Attempt...)})
	 * @param clock the application clock
	 */
	public AttemptLimits(DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
		this.jdbc = JdbcClient.create(dataSource);
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * The limit named {@code scope}; limiters of the same scope (in this or another
	 * instance) share their counts.
	 * @param scope lower-case letters, digits and dashes, at most 40
	 * @param perHour attempts a key may make in an hour (at least one)
	 */
	public AttemptLimiter limiter(String scope, int perHour) {
		if (scope == null || !SCOPE.matcher(scope).matches()) {
			throw new IllegalArgumentException("Invalid attempt limit scope: " + scope);
		}
		if (perHour < 1) {
			throw new IllegalArgumentException("An attempt limit must allow at least one attempt an hour");
		}
		return new AttemptLimiter(this, scope, perHour);
	}

	/**
	 * Counts one attempt for every key, each in its limit, if none of them has used its
	 * allowance (one transaction, on one connection).
	 * @return zero when the attempts were counted; otherwise how long to wait, and
	 * nothing was counted
	 */
	public Duration tryAcquire(Attempt... attempts) {
		if (attempts.length == 0) {
			return Duration.ZERO;
		}
		// always the same order, so two requests never wait for each other's rows
		Attempt[] ordered = attempts.clone();
		Arrays.sort(ordered, Comparator.comparing((Attempt a) -> a.limiter().scope()).thenComparing(Attempt::keyHash));
		long now = now();
		Boolean counted = this.transaction.execute((status) -> {
			for (Attempt attempt : ordered) {
				if (!consumeIfAllowed(attempt.limiter(), attempt.keyHash(), now)) {
					status.setRollbackOnly();
					return false;
				}
			}
			return true;
		});
		if (Boolean.TRUE.equals(counted)) {
			return Duration.ZERO;
		}
		Duration wait = Duration.ZERO;
		for (Attempt attempt : attempts) {
			Duration w = attempt.limiter().waitFor(attempt.key());
			wait = (w.compareTo(wait) > 0) ? w : wait;
		}
		// refused an instant ago: never answer "try now"
		return wait.isZero() ? Duration.ofSeconds(1) : wait;
	}

	/**
	 * Deletes the rows whose allowance is whole again (the same as no row).
	 * @return how many were deleted
	 */
	public int deleteRefilled() {
		return this.jdbc.sql("DELETE FROM attempt_counters WHERE full_at_ms <= ?").param(now()).update();
	}

	long now() {
		return this.clock.millis();
	}

	Optional<Long> fullAt(String scope, String keyHash) {
		return this.jdbc.sql("SELECT full_at_ms FROM attempt_counters WHERE scope = ? AND key_hash = ?")
			.params(scope, keyHash)
			.query(Long.class)
			.optional();
	}

	/** Counts one attempt; beyond the allowance the key stays exhausted (no debt). */
	void consume(AttemptLimiter limiter, String keyHash, long now) {
		long interval = limiter.intervalMillis();
		long exhausted = now + limiter.windowMillis();
		for (int tries = 0; tries < 3; tries++) {
			int updated = this.jdbc
				.sql("UPDATE attempt_counters SET full_at_ms = LEAST(GREATEST(full_at_ms, ?) + ?, ?) "
						+ "WHERE scope = ? AND key_hash = ?")
				.params(now, interval, exhausted, limiter.scope(), keyHash)
				.update();
			if (updated > 0 || insert(limiter, keyHash, now + interval)) {
				return;
			}
		}
	}

	/** Counts one attempt if the key has one left. */
	boolean consumeIfAllowed(AttemptLimiter limiter, String keyHash, long now) {
		if (updateIfAllowed(limiter, keyHash, now) || insert(limiter, keyHash, now + limiter.intervalMillis())) {
			return true;
		}
		// the row exists: it refused, or another request inserted it between the two
		return updateIfAllowed(limiter, keyHash, now);
	}

	private boolean updateIfAllowed(AttemptLimiter limiter, String keyHash, long now) {
		long interval = limiter.intervalMillis();
		return this.jdbc
			.sql("UPDATE attempt_counters SET full_at_ms = GREATEST(full_at_ms, ?) + ? "
					+ "WHERE scope = ? AND key_hash = ? AND GREATEST(full_at_ms, ?) + ? <= ?")
			.params(now, interval, limiter.scope(), keyHash, now, interval, now + limiter.windowMillis())
			.update() > 0;
	}

	private boolean insert(AttemptLimiter limiter, String keyHash, long fullAt) {
		return this.jdbc
			.sql("INSERT INTO attempt_counters (scope, key_hash, full_at_ms) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
			.params(limiter.scope(), keyHash, fullAt)
			.update() > 0;
	}

	static String hash(String key) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One attempt of a key in a limit, for {@link AttemptLimits#tryAcquire(Attempt...)}.
	 *
	 * @param limiter the limit
	 * @param key the key (an e-mail address, a client address…)
	 */
	public record Attempt(AttemptLimiter limiter, String key) {

		String keyHash() {
			return hash(this.key);
		}

	}

}
