package io.atrium.club.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import io.atrium.club.groups.StudentBulkAction;
import io.atrium.club.groups.StudentFilter;
import io.atrium.club.groups.StudentStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code club_bulk_actions} table: a bulk action on every student matching a filter,
 * with the cursor ({@code last_id}) of the batches done.
 */
@Repository
public class BulkActionRows {

	private static final String SELECT = "SELECT id, product_id, producer_account_id, action, target_group_id, "
			+ "filter_query, filter_group_id, filter_status, status, total_students, processed_students, last_id, "
			+ "created_at, finished_at FROM club_bulk_actions ";

	private final JdbcClient jdbc;

	public BulkActionRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long productId, long producerAccountId, StudentBulkAction.Kind action, Long targetGroupId,
			StudentFilter filter, long total, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO club_bulk_actions (product_id, producer_account_id, action, target_group_id, "
					+ "filter_query, filter_group_id, filter_status, status, total_students, processed_students, "
					+ "last_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, 0, 0, ?)")
			.params(productId, producerAccountId, action.name(), targetGroupId, filter.query(), filter.groupId(),
					(filter.status() != null) ? filter.status().name() : null, (int) total, Times.utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<StudentBulkAction> find(long id) {
		return this.jdbc.sql(SELECT + "WHERE id = ?").param(id).query(BulkActionRows::action).optional();
	}

	/**
	 * Records a batch done: the students it changed and the new cursor.
	 */
	public void advance(long id, int changed, long lastId) {
		this.jdbc
			.sql("UPDATE club_bulk_actions SET status = 'RUNNING', processed_students = processed_students + ?, "
					+ "last_id = ? WHERE id = ?")
			.params(changed, lastId, id)
			.update();
	}

	public void finish(long id, Instant now) {
		this.jdbc.sql("UPDATE club_bulk_actions SET status = 'DONE', finished_at = ? WHERE id = ?")
			.params(Times.utc(now), id)
			.update();
	}

	private static StudentBulkAction action(ResultSet rs, int n) throws SQLException {
		String status = rs.getString("filter_status");
		return new StudentBulkAction(rs.getLong("id"), rs.getLong("product_id"), rs.getLong("producer_account_id"),
				StudentBulkAction.Kind.valueOf(rs.getString("action")),
				(Long) rs.getObject("target_group_id", Long.class),
				new StudentFilter(rs.getString("filter_query"), (Long) rs.getObject("filter_group_id", Long.class),
						(status != null) ? StudentStatus.valueOf(status) : null),
				rs.getString("status"), rs.getInt("total_students"), rs.getInt("processed_students"),
				rs.getLong("last_id"), Times.instant(rs, "created_at"), Times.instant(rs, "finished_at"));
	}

}
