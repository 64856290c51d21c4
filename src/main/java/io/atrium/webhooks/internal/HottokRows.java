package io.atrium.webhooks.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code webhook_hottoks} table: one sealed hottok per producer.
 */
@Repository
public class HottokRows {

	private final JdbcClient jdbc;

	HottokRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<String> find(long producer) {
		return this.jdbc.sql("SELECT hottok_sealed FROM webhook_hottoks WHERE producer_account_id = ?")
			.param(producer)
			.query(String.class)
			.optional();
	}

	/**
	 * Stores the producer's first hottok, unless one exists.
	 * @return whether it was stored
	 */
	public boolean insertIfAbsent(long producer, String sealed, Instant now) {
		if (find(producer).isPresent()) {
			return false;
		}
		return this.jdbc
			.sql("INSERT INTO webhook_hottoks (producer_account_id, hottok_sealed, created_at) VALUES (?, ?, ?)")
			.params(producer, sealed, Times.utc(now))
			.update() > 0;
	}

	public void replace(long producer, String sealed, Instant now) {
		if (this.jdbc.sql("UPDATE webhook_hottoks SET hottok_sealed = ?, created_at = ? WHERE producer_account_id = ?")
			.params(sealed, Times.utc(now), producer)
			.update() == 0) {
			insertIfAbsent(producer, sealed, now);
		}
	}

}
