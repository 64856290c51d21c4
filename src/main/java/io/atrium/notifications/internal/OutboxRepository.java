package io.atrium.notifications.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
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
	 * Stores a message, due at once.
	 * @param mail the mail; its parts may be null (not rendered yet)
	 * @param variables the template's variables as JSON when the parts are not rendered
	 * yet, else null
	 * @param createdAt when it was queued (the application's clock)
	 * @param due when it is due (the real time now)
	 * @return its id
	 */
	long insert(RenderedMail mail, String variables, Instant createdAt, Instant due) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO mail_outbox (recipient, subject, html_body, text_body, locale, template, variables,
				    status, attempts, created_at, next_attempt_at)
				VALUES (:recipient, :subject, :html, :text, :locale, :template, :variables, 'PENDING', 0,
				    :createdAt, :due)
				""")
			.param("recipient", mail.recipient())
			.param("subject", mail.subject())
			.param("html", mail.htmlBody())
			.param("text", mail.textBody())
			.param("locale", mail.locale().toLanguageTag())
			.param("template", mail.template())
			.param("variables", variables)
			.param("createdAt", utc(createdAt))
			.param("due", utc(due))
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

	/**
	 * Claims up to {@code limit} due messages, oldest due first, for one batch: rows that
	 * another batch holds (a claim not run out) are skipped, and so are rows another
	 * instance is claiming at this moment ({@code FOR UPDATE SKIP LOCKED}), so two
	 * instances never claim the same message. Call it inside a transaction.
	 * @param batch the batch's unique name, stored in {@code claimed_by}
	 * @param now the real time now
	 * @param until when the claim runs out
	 * @param limit the most messages to claim
	 * @return the claimed messages, oldest due first
	 */
	List<Claimed> claim(String batch, Instant now, Instant until, int limit) {
		List<Long> ids = this.jdbc.sql("""
				SELECT id FROM mail_outbox
				WHERE status = 'PENDING' AND next_attempt_at <= :now
				  AND (claimed_until IS NULL OR claimed_until <= :now)
				ORDER BY next_attempt_at, id
				LIMIT :limit
				FOR UPDATE SKIP LOCKED
				""").param("now", utc(now)).param("limit", limit).query(Long.class).list();
		if (ids.isEmpty()) {
			return List.of();
		}
		this.jdbc.sql("UPDATE mail_outbox SET claimed_by = :batch, claimed_until = :until WHERE id IN (:ids)")
			.param("batch", batch)
			.param("until", utc(until))
			.param("ids", ids)
			.update();
		return this.jdbc.sql(
				"SELECT * FROM mail_outbox WHERE claimed_by = :batch AND status = 'PENDING' ORDER BY next_attempt_at, id")
			.param("batch", batch)
			.query((rs, n) -> new Claimed(row(rs, n), rs.getInt("round_failures")))
			.list();
	}

	/**
	 * A message claimed for a batch.
	 *
	 * @param message the message
	 * @param roundFailures how many attempts of its current round failed before
	 */
	record Claimed(OutboxMessage message, int roundFailures) {
	}

	/**
	 * Marks messages delivered (SENT: the SMTP server accepted them, MAILBOX: no SMTP
	 * server) and releases their claim; only those still PENDING.
	 * @param ids the outbox ids
	 * @param status SENT or MAILBOX
	 * @param at when (the application's clock)
	 * @return how many were marked
	 */
	int markDelivered(List<Long> ids, OutboxStatus status, Instant at) {
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				UPDATE mail_outbox SET status = :status, sent_at = :at, last_error = NULL,
				    attempts = attempts + :attempt, claimed_until = NULL, claimed_by = NULL
				WHERE id IN (:ids) AND status = 'PENDING'
				""")
			.param("status", status.name())
			.param("at", utc(at))
			.param("attempt", (status == OutboxStatus.SENT) ? 1 : 0)
			.param("ids", ids)
			.update();
	}

	/**
	 * Records a failed attempt of a PENDING message and releases its claim: due again at
	 * {@code nextAttempt}, or FAILED when it is null (the last attempt).
	 * @param id the outbox id
	 * @param error why it failed
	 * @param at when it failed (the real time)
	 * @param nextAttempt when to attempt it again, or null to give it up
	 * @return whether the row was PENDING and is updated
	 */
	boolean recordFailedAttempt(long id, String error, Instant at, Instant nextAttempt) {
		return this.jdbc.sql("""
				UPDATE mail_outbox SET attempts = attempts + 1, round_failures = round_failures + 1,
				    last_error = :error, last_attempt_at = :at, next_attempt_at = :next, status = :status,
				    claimed_until = NULL, claimed_by = NULL
				WHERE id = :id AND status = 'PENDING'
				""")
			.param("error", truncated(error))
			.param("at", utc(at))
			.param("next", (nextAttempt != null) ? utc(nextAttempt) : null, Types.TIMESTAMP_WITH_TIMEZONE)
			.param("status", (nextAttempt != null) ? OutboxStatus.PENDING.name() : OutboxStatus.FAILED.name())
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Queues a FAILED message again, due at once, with a new round of attempts.
	 * @param id the outbox id
	 * @param due the real time now
	 * @return whether it was FAILED
	 */
	boolean markPendingAgain(long id, Instant due) {
		return this.jdbc.sql("""
				UPDATE mail_outbox SET status = 'PENDING', round_failures = 0, next_attempt_at = :due,
				    claimed_until = NULL, claimed_by = NULL
				WHERE id = :id AND status = 'FAILED'
				""").param("due", utc(due)).param("id", id).update() == 1;
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
