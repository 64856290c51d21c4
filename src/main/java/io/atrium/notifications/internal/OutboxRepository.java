package io.atrium.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes {@code mail_outbox}. Status changes are conditional updates, so a
 * message never moves backwards (a SENT message is never marked FAILED).
 */
@Repository
public class OutboxRepository {

	private static final int MAX_ERROR_LENGTH = 2000;

	private final JdbcClient jdbc;

	OutboxRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param mail the mail; its parts may be null (not rendered yet)
	 * @param variables the template's variables as JSON when the parts are not rendered
	 * yet, else null
	 * @param createdAt when it is queued
	 * @return the outbox id
	 */
	long insert(RenderedMail mail, String variables, Instant createdAt) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO mail_outbox (recipient, subject, html_body, text_body, locale, template, variables,
				    status, attempts, created_at)
				VALUES (:recipient, :subject, :html, :text, :locale, :template, :variables, 'PENDING', 0,
				    :createdAt)
				""")
			.param("recipient", mail.recipient())
			.param("subject", mail.subject())
			.param("html", mail.htmlBody())
			.param("text", mail.textBody())
			.param("locale", mail.locale().toLanguageTag())
			.param("template", mail.template())
			.param("variables", variables)
			.param("createdAt", utc(createdAt))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/**
	 * @param id an outbox id
	 * @return the message, if it exists
	 */
	public Optional<OutboxMessage> find(long id) {
		return this.jdbc.sql("SELECT * FROM mail_outbox WHERE id = :id")
			.param("id", id)
			.query(OutboxRepository::row)
			.optional();
	}

	/**
	 * Newest first.
	 * @param recipientPart part of the recipient address to filter by, or null for all
	 * @param offset how many to skip
	 * @param limit how many to return at most
	 * @return the messages
	 */
	public List<OutboxMessage> list(String recipientPart, int offset, int limit) {
		return this.jdbc
			.sql("SELECT * FROM mail_outbox" + where(recipientPart)
					+ " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
			.params(filter(recipientPart))
			.param("limit", limit)
			.param("offset", offset)
			.query(OutboxRepository::row)
			.list();
	}

	/**
	 * @param recipientPart part of the recipient address to filter by, or null for all
	 * @return how many messages {@link #list} can page through
	 */
	public long count(String recipientPart) {
		return this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox" + where(recipientPart))
			.params(filter(recipientPart))
			.query(Long.class)
			.single();
	}

	Map<OutboxStatus, Long> countByStatus() {
		Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
		for (OutboxStatus status : OutboxStatus.values()) {
			counts.put(status, 0L);
		}
		this.jdbc.sql("SELECT status, COUNT(*) AS n FROM mail_outbox GROUP BY status").query((rs) -> {
			counts.put(OutboxStatus.valueOf(rs.getString("status")), rs.getLong("n"));
		});
		return counts;
	}

	/**
	 * Stores the parts the send task rendered, unless a concurrent run stored them first
	 * (they are the same).
	 * @param id the outbox id
	 * @param html the HTML part
	 * @param text the plain text part, or null
	 */
	void storeBodies(long id, String html, String text) {
		this.jdbc
			.sql("UPDATE mail_outbox SET html_body = :html, text_body = :text WHERE id = :id AND html_body IS NULL")
			.param("html", html)
			.param("text", text)
			.param("id", id)
			.update();
	}

	boolean markDelivered(long id, OutboxStatus status, Instant at) {
		return this.jdbc.sql("""
				UPDATE mail_outbox SET status = :status, sent_at = :at, last_error = NULL,
				    attempts = attempts + :attempt
				WHERE id = :id AND status = 'PENDING'
				""")
			.param("status", status.name())
			.param("at", utc(at))
			.param("attempt", (status == OutboxStatus.SENT) ? 1 : 0)
			.param("id", id)
			.update() == 1;
	}

	void recordFailedAttempt(long id, String error) {
		this.jdbc.sql("""
				UPDATE mail_outbox SET attempts = attempts + 1, last_error = :error
				WHERE id = :id AND status = 'PENDING'
				""").param("error", truncated(error)).param("id", id).update();
	}

	boolean markFailed(long id) {
		return this.jdbc.sql("UPDATE mail_outbox SET status = 'FAILED' WHERE id = :id AND status = 'PENDING'")
			.param("id", id)
			.update() == 1;
	}

	boolean markPendingAgain(long id) {
		return this.jdbc.sql("UPDATE mail_outbox SET status = 'PENDING' WHERE id = :id AND status = 'FAILED'")
			.param("id", id)
			.update() == 1;
	}

	private static String where(String recipientPart) {
		return (recipientPart != null) ? " WHERE LOWER(recipient) LIKE :pattern ESCAPE '!'" : "";
	}

	private static Map<String, Object> filter(String recipientPart) {
		if (recipientPart == null) {
			return Map.of();
		}
		String escaped = recipientPart.toLowerCase(Locale.ROOT)
			.replace("!", "!!")
			.replace("%", "!%")
			.replace("_", "!_");
		return Map.of("pattern", "%" + escaped + "%");
	}

	private static String truncated(String error) {
		String text = (error != null) ? error : "unknown error";
		return (text.length() > MAX_ERROR_LENGTH) ? text.substring(0, MAX_ERROR_LENGTH) : text;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OutboxMessage row(ResultSet rs, int rowNum) throws SQLException {
		return new OutboxMessage(rs.getLong("id"), rs.getString("recipient"), rs.getString("subject"),
				rs.getString("html_body"), rs.getString("text_body"), rs.getString("locale"), rs.getString("template"),
				OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), rs.getString("last_error"),
				instant(rs, "created_at"), instant(rs, "sent_at"), rs.getString("variables"));
	}

}
