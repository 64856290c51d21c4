package io.atrium.club.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.atrium.club.groups.Group;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code club_groups} table (the default flag lives in {@code club_products}).
 */
@Repository
public class GroupRows {

	private static final String SELECT = "SELECT g.id, g.product_id, g.name, "
			+ "CASE WHEN p.default_group_id = g.id THEN TRUE ELSE FALSE END AS is_default, "
			+ "(SELECT COUNT(*) FROM club_enrollments e WHERE e.group_id = g.id) AS students "
			+ "FROM club_groups g JOIN club_products p ON p.product_id = g.product_id ";

	private final JdbcClient jdbc;

	public GroupRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long productId, long producerAccountId, String name, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO club_groups (product_id, producer_account_id, name, created_at) VALUES (?, ?, ?, ?)")
			.params(productId, producerAccountId, name, Times.utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<Group> find(long id) {
		return this.jdbc.sql(SELECT + "WHERE g.id = ?").param(id).query(GroupRows::group).optional();
	}

	/**
	 * Whether the group is one of the product's groups: one indexed row, without counting
	 * its students as {@link #find(long)} does (an enrolment asks this of every
	 * purchase).
	 */
	public boolean belongsTo(long groupId, long productId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM club_groups WHERE id = ? AND product_id = ?")
			.params(groupId, productId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * @return the product's groups, the default first, then by name
	 */
	public List<Group> ofProduct(long productId) {
		return this.jdbc.sql(SELECT + "WHERE g.product_id = ? ORDER BY is_default DESC, LOWER(g.name), g.id")
			.param(productId)
			.query(GroupRows::group)
			.list();
	}

	public boolean nameTaken(long productId, String name, long exceptId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM club_groups WHERE product_id = ? AND LOWER(name) = LOWER(?) AND id <> ?")
			.params(productId, name, exceptId)
			.query(Long.class)
			.single() > 0;
	}

	public void rename(long id, String name) {
		this.jdbc.sql("UPDATE club_groups SET name = ? WHERE id = ?").params(name, id).update();
	}

	/**
	 * Deletes the group and its rules; its students and comments must have been moved.
	 */
	public void delete(long id) {
		this.jdbc.sql("DELETE FROM club_rules WHERE group_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM club_groups WHERE id = ?").param(id).update();
	}

	private static Group group(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Group(rs.getLong("id"), rs.getLong("product_id"), rs.getString("name"), rs.getBoolean("is_default"),
				rs.getInt("students"));
	}

}
