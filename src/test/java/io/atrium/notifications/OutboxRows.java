package io.atrium.notifications;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads {@code mail_outbox} and {@code scheduled_tasks} directly, for assertions.
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

	int executions(long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'send-mail' AND task_instance = ?")
			.param(String.valueOf(id))
			.query(Integer.class)
			.single();
	}

	/**
	 * The wait db-scheduler chose after the last failure of the message's execution.
	 * @param id the outbox id
	 * @return the failure count and the delay from the last failure to the next attempt,
	 * empty while the execution has not failed or is gone
	 */
	Optional<Backoff> backoff(long id) {
		return this.jdbc.sql("""
				SELECT consecutive_failures, last_failure, execution_time FROM scheduled_tasks
				WHERE task_name = 'send-mail' AND task_instance = ? AND consecutive_failures > 0
				""")
			.param(String.valueOf(id))
			.query((rs, n) -> new Backoff(rs.getInt("consecutive_failures"),
					Duration.between(rs.getObject("last_failure", OffsetDateTime.class),
							rs.getObject("execution_time", OffsetDateTime.class))))
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
