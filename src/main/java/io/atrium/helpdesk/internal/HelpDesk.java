package io.atrium.helpdesk.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.SignedInAccount;
import io.atrium.notifications.Mailer;
import io.atrium.notifications.OutgoingMail;
import io.atrium.platform.BaseUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores support requests and tells every platform admin by e-mail, in the same
 * transaction.
 */
@Service
public class HelpDesk {

	/** Longest subject. */
	public static final int MAX_SUBJECT = 200;

	/** Longest message. */
	public static final int MAX_MESSAGE = 5000;

	private static final Logger log = LoggerFactory.getLogger(HelpDesk.class);

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final Mailer mailer;

	private final BaseUrl baseUrl;

	private final Clock clock;

	HelpDesk(JdbcClient jdbc, Accounts accounts, Mailer mailer, BaseUrl baseUrl, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.mailer = mailer;
		this.baseUrl = baseUrl;
		this.clock = clock;
	}

	/**
	 * Records a request from the signed-in person and e-mails every admin.
	 * @return the request's id
	 */
	@Transactional
	public long send(SignedInAccount from, String subject, String message) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO helpdesk_requests (account_id, email, name, subject, message, created_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(from.accountId().value(), from.email(), from.name(), subject.strip(), message.strip(),
					Timestamp.from(this.clock.instant()))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		String link = this.baseUrl.link("/admin/help/" + id);
		for (Accounts.AccountSummary admin : this.accounts.admins()) {
			this.mailer.enqueue(
					new OutgoingMail(admin.email(), admin.locale(), "helpdesk.mail.subject", List.of(subject.strip()),
							"helpdesk/mail/request", Map.of("from", from.name() + " <" + from.email() + ">", "subject",
									subject.strip(), "message", message.strip(), "link", link)));
		}
		log.info("Support request {} from account {}", id, from.accountId().value());
		return id;
	}

	/** The newest requests first. */
	@Transactional(readOnly = true)
	public List<HelpRequest> inbox(int limit) {
		return this.jdbc.sql("SELECT * FROM helpdesk_requests ORDER BY created_at DESC, id DESC LIMIT ?")
			.param(limit)
			.query(HelpDesk::map)
			.list();
	}

	/** One request. */
	@Transactional(readOnly = true)
	public Optional<HelpRequest> find(long id) {
		return this.jdbc.sql("SELECT * FROM helpdesk_requests WHERE id = ?").param(id).query(HelpDesk::map).optional();
	}

	/** Marks a request handled; nothing happens when it already was. */
	@Transactional
	public boolean markHandled(long id) {
		return this.jdbc.sql("UPDATE helpdesk_requests SET handled_at = ? WHERE id = ? AND handled_at IS NULL")
			.params(Timestamp.from(this.clock.instant()), id)
			.update() == 1;
	}

	private static HelpRequest map(ResultSet rs, int row) throws SQLException {
		Timestamp handled = rs.getTimestamp("handled_at");
		Instant handledAt = (handled != null) ? handled.toInstant() : null;
		return new HelpRequest(rs.getLong("id"), rs.getLong("account_id"), rs.getString("email"), rs.getString("name"),
				rs.getString("subject"), rs.getString("message"), rs.getTimestamp("created_at").toInstant(), handledAt);
	}

}
