package io.atrium.api.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Per-credential rate limiting (hotmart-api.md §2.2): a fixed one-minute window of
 * {@code atrium.api.rate-limit-per-minute} calls (default 500), reads and writes
 * together. API calls are counted per credential, token requests per client id, in
 * separate buckets. A bucket's window starts with its first call and lasts a minute.
 * <p>
 * The buckets live in the database (table {@code api_rate_windows}), so every instance of
 * a cluster counts together and the limit holds for the whole cluster. Each count is one
 * short transaction of its own (or joins the caller's, never a second connection), ended
 * before the request goes on. Time comes from the application {@link Clock}; a window
 * that starts more than a minute in the future (the clock went back) ends at once. Ended
 * windows are deleted by the {@code api-rate-windows-cleanup} task
 * ({@link #deleteEnded()}).
 * <p>
 * All calls of one credential count on one row, so a count holds that row's lock until it
 * commits. On PostgreSQL a count is one statement that inserts or increments the row and
 * returns it, committed on its own: the lock lasts that statement inside the database.
 * The update, the read and the commit as three round trips held it while the calling
 * thread waited for a CPU, and at 16 concurrent calls of one credential the calls queued
 * on that lock (docs/performance.md). On H2 the count stays the three statements in one
 * transaction.
 */
@Component
public class RateLimiter {

	static final Duration WINDOW = Duration.ofMinutes(1);

	private static final int MAX_CLIENT_ID = 64;

	/** The bucket of every token request whose client id names no credential. */
	static final String UNKNOWN_CLIENTS = "token-unknown-client";

	private final int limit;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final boolean postgres;

	@Autowired
	RateLimiter(ApiProperties properties, DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
		this(properties.rateLimitPerMinute(), dataSource, transactions, clock);
	}

	RateLimiter(int limit, DataSource dataSource, PlatformTransactionManager transactions, Clock clock) {
		this.limit = limit;
		this.jdbc = JdbcClient.create(dataSource);
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.postgres = isPostgres(dataSource);
	}

	private static boolean isPostgres(DataSource dataSource) {
		try {
			return "PostgreSQL"
				.equals(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
		}
		catch (MetaDataAccessException ex) {
			return false;
		}
	}

	/**
	 * The outcome of one call against its bucket.
	 *
	 * @param allowed whether the call may proceed
	 * @param limit calls per window
	 * @param remaining calls left in this window
	 * @param resetSeconds whole seconds until the window resets
	 * @param retryAfterSeconds when refused, whole seconds to wait; else 0
	 */
	public record Decision(boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

	}

	/**
	 * Counts an API call of a credential.
	 * @param credentialId the calling credential
	 * @return whether it is allowed, with the numbers for the rate-limit headers
	 */
	public Decision apiCall(long credentialId) {
		return consume("api:" + credentialId);
	}

	/**
	 * Counts a token request of a client id (before its secret is checked).
	 * @param clientId the presented client id when it names a credential; null for the
	 * ids that name none, which share one bucket (a stream of made-up ids would otherwise
	 * add a row each until the cleanup). The headers then tell a known id from a made-up
	 * one; client ids are random UUIDs, and one is worth nothing without its secret.
	 * @return whether it is allowed, with the numbers for the rate-limit headers
	 */
	public Decision tokenRequest(String clientId) {
		if (clientId == null) {
			return consume(UNKNOWN_CLIENTS);
		}
		// a configured id may be longer than the column: those are hashed
		return consume("token:" + ((clientId.length() <= MAX_CLIENT_ID) ? clientId : "sha256:" + hash(clientId)));
	}

	/**
	 * Deletes the buckets whose window has ended (the same as no row).
	 * @return how many were deleted
	 */
	public int deleteEnded() {
		return this.jdbc.sql("DELETE FROM api_rate_windows WHERE window_start_ms <= ?")
			.param(this.clock.millis() - WINDOW.toMillis())
			.update();
	}

	private Decision consume(String key) {
		long now = this.clock.millis();
		Window window = this.postgres ? upsert(key, now) : this.transaction.execute((status) -> count(key, now));
		long reset = Math.max(1, seconds(window.startMs() + WINDOW.toMillis() - now));
		if (window.calls() <= this.limit) {
			return new Decision(true, this.limit, this.limit - window.calls(), reset, 0);
		}
		return new Decision(false, this.limit, 0, reset, reset);
	}

	/**
	 * Counts one call in the key's current window (a new one if it ended) and reads it.
	 */
	private Window count(String key, long now) {
		if (!increment(key, now) && !insert(key, now)) {
			// another instance inserted the row between the two statements
			increment(key, now);
		}
		return this.jdbc.sql("SELECT window_start_ms, calls FROM api_rate_windows WHERE bucket_key = ?")
			.param(key)
			.query((rs, n) -> new Window(rs.getLong(1), rs.getInt(2)))
			.single();
	}

	/**
	 * PostgreSQL: counts one call in the key's current window (a new one if it ended) and
	 * reads it, in one statement (its own transaction, or the caller's).
	 */
	private Window upsert(String key, long now) {
		long endedBefore = now - WINDOW.toMillis();
		long future = now + WINDOW.toMillis();
		String ended = "(w.window_start_ms <= ? OR w.window_start_ms > ?)";
		return this.jdbc
			.sql("INSERT INTO api_rate_windows AS w (bucket_key, window_start_ms, calls) VALUES (?, ?, 1) "
					+ "ON CONFLICT (bucket_key) DO UPDATE SET calls = CASE WHEN " + ended
					+ " THEN 1 ELSE w.calls + 1 END, window_start_ms = CASE WHEN " + ended
					+ " THEN ? ELSE w.window_start_ms END RETURNING w.window_start_ms, w.calls")
			.params(key, now, endedBefore, future, endedBefore, future, now)
			.query((rs, n) -> new Window(rs.getLong(1), rs.getInt(2)))
			.single();
	}

	private boolean increment(String key, long now) {
		long endedBefore = now - WINDOW.toMillis();
		long future = now + WINDOW.toMillis();
		String ended = "(window_start_ms <= ? OR window_start_ms > ?)";
		return this.jdbc.sql("UPDATE api_rate_windows SET calls = CASE WHEN " + ended + " THEN 1 ELSE calls + 1 END, "
				+ "window_start_ms = CASE WHEN " + ended + " THEN ? ELSE window_start_ms END " + "WHERE bucket_key = ?")
			.params(endedBefore, future, endedBefore, future, now, key)
			.update() > 0;
	}

	private boolean insert(String key, long now) {
		return this.jdbc
			.sql("INSERT INTO api_rate_windows (bucket_key, window_start_ms, calls) VALUES (?, ?, 1) "
					+ "ON CONFLICT DO NOTHING")
			.params(key, now)
			.update() > 0;
	}

	private static long seconds(long millis) {
		return (millis + 999) / 1000;
	}

	private static String hash(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Window(long startMs, int calls) {

	}

}
