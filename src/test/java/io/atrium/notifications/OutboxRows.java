package io.atrium.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads {@code mail_outbox} directly, for assertions.
 */
final class OutboxRows {

	private final JdbcClient jdbc;

	OutboxRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, Object> row(long id) {
		return this.jdbc.sql("SELECT * FROM mail_outbox WHERE id = ?").param(id).query().singleRow();
	}

	long idFor(String recipient) {
		return this.jdbc.sql("SELECT id FROM mail_outbox WHERE recipient = ? ORDER BY id DESC")
			.param(recipient)
			.query(Long.class)
			.list()
			.get(0);
	}

	int count(long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE id = ?").param(id).query(Integer.class).single();
	}

	/**
	 * Whether a batch holds the message now.
	 * @param id the outbox id
	 * @return whether its claim has not run out
	 */
	boolean claimed(long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE id = ? AND claimed_until > CURRENT_TIMESTAMP")
			.param(id)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * The wait chosen after the last failed attempt of a message still PENDING.
	 * @param id the outbox id
	 * @return the failures of its round and the delay from the last failure to the next
	 * attempt, empty while it has not failed
	 */
	Optional<Backoff> backoff(long id) {
		return this.jdbc.sql("""
				SELECT round_failures, last_attempt_at, next_attempt_at FROM mail_outbox
				WHERE id = ? AND status = 'PENDING' AND round_failures > 0
				""")
			.param(id)
			.query((rs, n) -> new Backoff(rs.getInt("round_failures"),
					Duration.between(rs.getObject("last_attempt_at", OffsetDateTime.class),
							rs.getObject("next_attempt_at", OffsetDateTime.class))))
			.optional();
	}

	record Backoff(int failures, Duration delay) {
	}

	Map<String, Object> awaitRow(long id, Predicate<Map<String, Object>> condition, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		Map<String, Object> row = row(id);
		while (!condition.test(row)) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Outbox row " + id + " did not get there within " + timeout + ": " + row);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
			row = row(id);
		}
		return row;
	}

	Map<String, Object> awaitStatus(long id, String status) {
		return awaitRow(id, (r) -> status.equals(r.get("status")), Duration.ofSeconds(20));
	}

	static int attempts(Map<String, Object> row) {
		return ((Number) row.get("attempts")).intValue();
	}

}
