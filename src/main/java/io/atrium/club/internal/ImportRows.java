package io.atrium.club.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.atrium.club.imports.ImportOutcome;
import io.atrium.club.imports.ImportReport;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code club_imports} and {@code club_import_rows} tables. A refused row's
 * {@code message} holds the message key and its arguments, separated by U+001F.
 */
@Repository
public class ImportRows {

	private static final char SEPARATOR = '\u001F';

	private static final String SELECT = "SELECT id, product_id, status, total_rows, processed_rows, created_at, "
			+ "finished_at FROM club_imports ";

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	public ImportRows(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/**
	 * A row as read from the file, before it is stored.
	 *
	 * @param line its line number
	 * @param email the address
	 * @param name the name
	 * @param group the group's name
	 * @param startedOn the start date as written
	 * @param endsOn the end date as written
	 * @param refusal the message key when the row is refused before processing (a field
	 * too long, too many columns), else null
	 */
	public record NewRow(int line, String email, String name, String group, String startedOn, String endsOn,
			String refusal) {
	}

	/**
	 * Stores an import and its rows; rows refused already count as processed.
	 * @return the import's id
	 */
	public long insert(long productId, long producerAccountId, List<NewRow> rows, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		int refused = (int) rows.stream().filter((r) -> r.refusal() != null).count();
		this.jdbc
			.sql("INSERT INTO club_imports (product_id, producer_account_id, status, total_rows, processed_rows, "
					+ "created_at) VALUES (?, ?, 'QUEUED', ?, ?, ?)")
			.params(productId, producerAccountId, rows.size(), refused, Times.utc(now))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		this.template.batchUpdate(
				"INSERT INTO club_import_rows (import_id, producer_account_id, line_number, email, name, group_name, "
						+ "started_on, ends_on, outcome, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				rows, 500, (ps, r) -> {
					ps.setLong(1, id);
					ps.setLong(2, producerAccountId);
					ps.setInt(3, r.line());
					ps.setString(4, r.email());
					ps.setString(5, r.name());
					ps.setString(6, r.group());
					ps.setString(7, r.startedOn());
					ps.setString(8, r.endsOn());
					ps.setString(9, (r.refusal() != null) ? ImportOutcome.REFUSED.name() : null);
					ps.setString(10, r.refusal());
				});
		if (refused == rows.size()) {
			finish(id, now);
		}
		return id;
	}

	public Optional<ImportReport> find(long id, boolean withRows) {
		return this.jdbc.sql(SELECT + "WHERE id = ?")
			.param(id)
			.query((rs, n) -> report(rs, withRows ? rows(id) : List.of()))
			.optional();
	}

	/**
	 * @return the producer's latest imports of the product, newest first, without rows
	 */
	public List<ImportReport> latest(long productId, long producerAccountId, int limit) {
		return this.jdbc.sql(SELECT + "WHERE product_id = ? AND producer_account_id = ? ORDER BY id DESC LIMIT ?")
			.params(productId, producerAccountId, limit)
			.query((rs, n) -> report(rs, List.of()))
			.list();
	}

	public long producerOf(long id) {
		return this.jdbc.sql("SELECT producer_account_id FROM club_imports WHERE id = ?")
			.param(id)
			.query(Long.class)
			.optional()
			.orElse(-1L);
	}

	/**
	 * Marks the import running and returns the rows still waiting for an outcome.
	 */
	public List<ImportReport.Row> waiting(long id) {
		this.jdbc.sql("UPDATE club_imports SET status = 'RUNNING' WHERE id = ? AND status = 'QUEUED'")
			.param(id)
			.update();
		return this.jdbc
			.sql("SELECT * FROM club_import_rows WHERE import_id = ? AND outcome IS NULL ORDER BY line_number")
			.param(id)
			.query(ImportRows::row)
			.list();
	}

	/**
	 * @return the first line before {@code line} with the same address (any case), if any
	 */
	public Optional<Integer> earlierLineWith(long id, int line, String email) {
		return this.jdbc
			.sql("SELECT MIN(line_number) FROM club_import_rows WHERE import_id = ? AND line_number < ? "
					+ "AND LOWER(email) = ?")
			.params(id, line, email.strip().toLowerCase(java.util.Locale.ROOT))
			.query((rs, n) -> (Integer) rs.getObject(1, Integer.class))
			.optional();
	}

	/**
	 * Records a row's outcome once (a row already decided is left alone).
	 * @return whether this call recorded it
	 */
	public boolean decide(long id, int line, ImportOutcome outcome, String messageKey, List<String> args) {
		String message = (messageKey != null) ? message(messageKey, args) : null;
		boolean recorded = this.jdbc
			.sql("UPDATE club_import_rows SET outcome = ?, message = ? WHERE import_id = ? AND line_number = ? "
					+ "AND outcome IS NULL")
			.params(outcome.name(), message, id, line)
			.update() > 0;
		if (recorded) {
			this.jdbc.sql("UPDATE club_imports SET processed_rows = processed_rows + 1 WHERE id = ?")
				.param(id)
				.update();
		}
		return recorded;
	}

	/**
	 * @return a refusal as the {@code message} column holds it
	 */
	public static String message(String key, List<String> args) {
		StringBuilder text = new StringBuilder(key);
		args.forEach((a) -> text.append(SEPARATOR).append(a.replace(SEPARATOR, ' ')));
		return (text.length() > 300) ? text.substring(0, 300) : text.toString();
	}

	/**
	 * Locks a row for processing.
	 * @return whether it still waits for its outcome
	 */
	public boolean claim(long id, int line) {
		return this.jdbc.sql("SELECT outcome FROM club_import_rows WHERE import_id = ? AND line_number = ? FOR UPDATE")
			.params(id, line)
			.query((rs, n) -> rs.getString(1) == null)
			.optional()
			.orElse(false);
	}

	public void finish(long id, Instant now) {
		this.jdbc.sql("UPDATE club_imports SET status = 'DONE', finished_at = ? WHERE id = ? AND status <> 'DONE'")
			.params(Times.utc(now), id)
			.update();
	}

	private List<ImportReport.Row> rows(long id) {
		return this.jdbc.sql("SELECT * FROM club_import_rows WHERE import_id = ? ORDER BY line_number")
			.param(id)
			.query(ImportRows::row)
			.list();
	}

	private static ImportReport report(ResultSet rs, List<ImportReport.Row> rows) throws SQLException {
		return new ImportReport(rs.getLong("id"), rs.getLong("product_id"), rs.getString("status"),
				rs.getInt("total_rows"), rs.getInt("processed_rows"), Times.instant(rs, "created_at"),
				Times.instant(rs, "finished_at"), rows);
	}

	private static ImportReport.Row row(ResultSet rs, int n) throws SQLException {
		String outcome = rs.getString("outcome");
		String message = rs.getString("message");
		String key = null;
		List<String> args = List.of();
		if (message != null) {
			List<String> parts = new ArrayList<>(Arrays.asList(message.split(String.valueOf(SEPARATOR), -1)));
			key = parts.remove(0);
			args = parts;
		}
		return new ImportReport.Row(rs.getInt("line_number"), rs.getString("email"), rs.getString("name"),
				rs.getString("group_name"), rs.getString("started_on"), rs.getString("ends_on"),
				(outcome != null) ? ImportOutcome.valueOf(outcome) : null, key, args);
	}

}
