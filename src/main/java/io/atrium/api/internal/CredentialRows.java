package io.atrium.api.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.atrium.api.Credential;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code api_credentials} table.
 */
@Repository
public class CredentialRows {

	private static final String COLUMNS = "id, producer_account_id, name, client_id, secret_hmac, created_at, "
			+ "last_used_at, revoked_at";

	private final JdbcClient jdbc;

	public CredentialRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A stored credential, with the HMAC of its secret.
	 *
	 * @param credential the credential
	 * @param secretHmac the stored HMAC-SHA-256 of the secret
	 */
	public record Row(Credential credential, byte[] secretHmac) {

	}

	public long insert(long producerAccountId, String name, String clientId, byte[] secretHmac, Instant createdAt) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO api_credentials (producer_account_id, name, client_id, secret_hmac, created_at) "
					+ "VALUES (?, ?, ?, ?, ?)")
			.params(producerAccountId, name, clientId, secretHmac, utc(createdAt))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<Row> findByClientId(String clientId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM api_credentials WHERE client_id = ?")
			.param(clientId)
			.query(CredentialRows::row)
			.optional();
	}

	public Optional<Credential> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM api_credentials WHERE id = ?")
			.param(id)
			.query(CredentialRows::row)
			.optional()
			.map(Row::credential);
	}

	public Optional<Credential> find(long producerAccountId, long id) {
		return find(id).filter((c) -> c.producerAccountId() == producerAccountId);
	}

	/**
	 * @return the producer's credentials, newest first, with ids below {@code beforeId}
	 * when given
	 */
	public List<Credential> list(long producerAccountId, Long beforeId, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM api_credentials WHERE producer_account_id = ? AND id < ? "
					+ "ORDER BY id DESC LIMIT ?")
			.params(producerAccountId, (beforeId != null) ? beforeId : Long.MAX_VALUE, limit)
			.query(CredentialRows::row)
			.stream()
			.map(Row::credential)
			.toList();
	}

	public boolean revoke(long producerAccountId, long id, Instant at) {
		int found = this.jdbc
			.sql("UPDATE api_credentials SET revoked_at = COALESCE(revoked_at, ?) "
					+ "WHERE id = ? AND producer_account_id = ?")
			.params(utc(at), id, producerAccountId)
			.update();
		return found == 1;
	}

	public void updateSecret(long id, byte[] secretHmac) {
		this.jdbc.sql("UPDATE api_credentials SET secret_hmac = ? WHERE id = ?").params(secretHmac, id).update();
	}

	public void touch(long id, Instant at) {
		this.jdbc
			.sql("UPDATE api_credentials SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL "
					+ "OR last_used_at < ?)")
			.params(utc(at), id, utc(at))
			.update();
	}

	static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? OffsetDateTime.ofInstant(instant, ZoneOffset.UTC) : null;
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		return new Row(new Credential(rs.getLong("id"), rs.getLong("producer_account_id"), rs.getString("name"),
				rs.getString("client_id"), instant(rs, "created_at"), instant(rs, "last_used_at"),
				instant(rs, "revoked_at")), rs.getBytes("secret_hmac"));
	}

}
