package io.atrium.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code accounts}.
 */
@Repository
class AccountRepository {

	private final JdbcClient jdbc;

	AccountRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<AccountRecord> findById(long id) {
		return this.jdbc.sql("SELECT * FROM accounts WHERE id = ?").param(id).query(AccountRepository::map).optional();
	}

	Optional<AccountRecord> findByEmail(String email) {
		return this.jdbc.sql("SELECT * FROM accounts WHERE email = ?")
			.param(email)
			.query(AccountRepository::map)
			.optional();
	}

	/**
	 * Inserts an account unless one with the address exists (also when another
	 * transaction inserts it at the same moment).
	 * @return the new id, or empty when the address already had an account
	 */
	Optional<Long> insertIfAbsent(String email, String name, String status, String locale, boolean producer,
			boolean student, boolean admin, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		int inserted = this.jdbc
			.sql("INSERT INTO accounts (email, name, status, locale, is_producer, is_student, is_admin, created_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
			.params(email, name, status, locale, producer, student, admin, Timestamp.from(now))
			.update(keys, "id");
		return (inserted == 1) ? Optional.of(keys.getKey().longValue()) : Optional.empty();
	}

	void grant(long id, boolean producer, boolean student, boolean admin) {
		this.jdbc
			.sql("UPDATE accounts SET is_producer = is_producer OR ?, is_student = is_student OR ?, "
					+ "is_admin = is_admin OR ? WHERE id = ?")
			.params(producer, student, admin, id)
			.update();
	}

	void setPassword(long id, String hash, Instant now) {
		this.jdbc
			.sql("UPDATE accounts SET password_hash = ?, password_changed_at = ?, failed_logins = 0, "
					+ "locked_until = NULL WHERE id = ?")
			.params(hash, Timestamp.from(now), id)
			.update();
	}

	void activate(long id, String hash, Instant now) {
		this.jdbc
			.sql("UPDATE accounts SET status = 'ACTIVE', activated_at = ?, password_hash = ?, "
					+ "password_changed_at = ?, failed_logins = 0, locked_until = NULL WHERE id = ?")
			.params(Timestamp.from(now), hash, Timestamp.from(now), id)
			.update();
	}

	void recordFailedLogin(long id, int failures, Instant now, Instant lockedUntil) {
		this.jdbc.sql("UPDATE accounts SET failed_logins = ?, last_failed_login = ?, locked_until = ? WHERE id = ?")
			.params(failures, Timestamp.from(now), (lockedUntil != null) ? Timestamp.from(lockedUntil) : null, id)
			.update();
	}

	void recordSuccessfulLogin(long id) {
		this.jdbc.sql("UPDATE accounts SET failed_logins = 0, locked_until = NULL WHERE id = ? AND failed_logins > 0")
			.param(id)
			.update();
	}

	void updateProfile(long id, String name, String locale) {
		this.jdbc.sql("UPDATE accounts SET name = ?, locale = ? WHERE id = ?").params(name, locale, id).update();
	}

	void updateLocale(long id, String locale) {
		this.jdbc.sql("UPDATE accounts SET locale = ? WHERE id = ?").params(locale, id).update();
	}

	Optional<String> findLocale(long id) {
		return this.jdbc.sql("SELECT locale FROM accounts WHERE id = ?").param(id).query(String.class).optional();
	}

	List<AccountRecord> admins() {
		return this.jdbc.sql("SELECT * FROM accounts WHERE is_admin ORDER BY id").query(AccountRepository::map).list();
	}

	boolean anyAdmin() {
		return this.jdbc.sql("SELECT COUNT(*) FROM accounts WHERE is_admin").query(Long.class).single() > 0;
	}

	long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single();
	}

	List<AccountRecord> search(String query, int limit) {
		String like = "%" + query.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
		return this.jdbc
			.sql("SELECT * FROM accounts WHERE email LIKE ? OR LOWER(name) LIKE ? ORDER BY created_at DESC, id DESC "
					+ "LIMIT ?")
			.params(like, like, limit)
			.query(AccountRepository::map)
			.list();
	}

	private static AccountRecord map(ResultSet rs, int row) throws SQLException {
		return new AccountRecord(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
				rs.getString("password_hash"), rs.getString("status"), rs.getString("locale"),
				rs.getBoolean("is_producer"), rs.getBoolean("is_student"), rs.getBoolean("is_admin"),
				rs.getInt("failed_logins"), instant(rs, "last_failed_login"), instant(rs, "locked_until"),
				instant(rs, "created_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
