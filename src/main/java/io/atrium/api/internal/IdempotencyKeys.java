package io.atrium.api.internal;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code api_idempotency_keys} table: the first response to each (producer, key).
 */
@Repository
public class IdempotencyKeys {

	private final JdbcClient jdbc;

	public IdempotencyKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A stored first response.
	 *
	 * @param requestHash hex SHA-256 of the first request
	 * @param responseStatus its HTTP status
	 * @param sealedResponse its headers and body, sealed with {@link ApiKeys#seal}
	 */
	public record Stored(String requestHash, int responseStatus, byte[] sealedResponse) {

	}

	public Optional<Stored> find(long producerAccountId, String key) {
		return this.jdbc
			.sql("SELECT request_hash, response_status, response_body FROM api_idempotency_keys "
					+ "WHERE producer_account_id = ? AND idempotency_key = ?")
			.params(producerAccountId, key)
			.query((rs, n) -> new Stored(rs.getString("request_hash"), rs.getInt("response_status"),
					rs.getBytes("response_body")))
			.optional();
	}

	/**
	 * Stores a first response; fails with a duplicate-key error when another request with
	 * the same key got there first (waiting for it to commit or roll back).
	 */
	public void insert(long producerAccountId, String key, Stored stored, Instant at) {
		this.jdbc
			.sql("INSERT INTO api_idempotency_keys (producer_account_id, idempotency_key, request_hash, "
					+ "response_status, response_body, created_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(producerAccountId, key, stored.requestHash(), stored.responseStatus(), stored.sealedResponse(),
					CredentialRows.utc(at))
			.update();
	}

}
