package io.atrium.api.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code api_idempotency_keys} table: one record per (producer, key), claimed
 * ({@code STARTED}, held by an owner token until a lease ends) before the creation runs
 * and {@code COMPLETED} with the first response afterwards. Every method is one statement
 * in its own short transaction: call them outside a transaction, so a request never holds
 * a connection while its creation asks for another.
 */
@Repository
public class IdempotencyKeys {

	private final JdbcClient jdbc;

	public IdempotencyKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A record of a key.
	 *
	 * @param requestHash hex SHA-256 of the first request
	 * @param completed whether the first request finished and its response is stored
	 * @param ownerToken the owner of a started record (null once completed)
	 * @param lockedUntil when a started record's lease ends (null once completed)
	 * @param responseStatus the stored HTTP status (0 while started)
	 * @param sealedResponse the stored headers and body, sealed with {@link ApiKeys#seal}
	 * (null while started)
	 */
	public record Stored(String requestHash, boolean completed, String ownerToken, Instant lockedUntil,
			int responseStatus, byte[] sealedResponse) {

	}

	public Optional<Stored> find(long producerAccountId, String key) {
		return this.jdbc
			.sql("SELECT request_hash, status, owner_token, locked_until, response_status, response_body "
					+ "FROM api_idempotency_keys WHERE producer_account_id = ? AND idempotency_key = ?")
			.params(producerAccountId, key)
			.query((rs, n) -> {
				OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
				return new Stored(rs.getString("request_hash"), "COMPLETED".equals(rs.getString("status")),
						rs.getString("owner_token"), (lockedUntil != null) ? lockedUntil.toInstant() : null,
						rs.getInt("response_status"), rs.getBytes("response_body"));
			})
			.optional();
	}

	/**
	 * Claims a new key for an owner until a lease ends.
	 * @throws org.springframework.dao.DuplicateKeyException when the key has a record
	 */
	public void claim(long producerAccountId, String key, String requestHash, String owner, Instant lockedUntil,
			Instant at) {
		this.jdbc
			.sql("INSERT INTO api_idempotency_keys (producer_account_id, idempotency_key, request_hash, status, "
					+ "owner_token, locked_until, created_at) VALUES (?, ?, ?, 'STARTED', ?, ?, ?)")
			.params(producerAccountId, key, requestHash, owner, CredentialRows.utc(lockedUntil), CredentialRows.utc(at))
			.update();
	}

	/**
	 * Takes over a started record whose lease ended (its owner is presumed gone).
	 * @return whether this owner got it (false when another retry took it first)
	 */
	public boolean takeOver(long producerAccountId, String key, String previousOwner, String owner, Instant lockedUntil,
			Instant now) {
		return this.jdbc
			.sql("UPDATE api_idempotency_keys SET owner_token = ?, locked_until = ? WHERE producer_account_id = ? "
					+ "AND idempotency_key = ? AND status = 'STARTED' AND owner_token = ? AND locked_until <= ?")
			.params(owner, CredentialRows.utc(lockedUntil), producerAccountId, key, previousOwner,
					CredentialRows.utc(now))
			.update() == 1;
	}

	/**
	 * Stores the response of a started record this owner still holds.
	 * @return whether it was stored (false when the owner lost the record to a takeover)
	 */
	public boolean complete(long producerAccountId, String key, String owner, int responseStatus,
			byte[] sealedResponse) {
		return this.jdbc
			.sql("UPDATE api_idempotency_keys SET status = 'COMPLETED', owner_token = NULL, locked_until = NULL, "
					+ "response_status = ?, response_body = ? WHERE producer_account_id = ? AND idempotency_key = ? "
					+ "AND status = 'STARTED' AND owner_token = ?")
			.params(responseStatus, sealedResponse, producerAccountId, key, owner)
			.update() == 1;
	}

	/**
	 * Forgets a started record this owner holds (its creation failed), so the key can be
	 * used again.
	 */
	public void release(long producerAccountId, String key, String owner) {
		this.jdbc
			.sql("DELETE FROM api_idempotency_keys WHERE producer_account_id = ? AND idempotency_key = ? "
					+ "AND status = 'STARTED' AND owner_token = ?")
			.params(producerAccountId, key, owner)
			.update();
	}

}
