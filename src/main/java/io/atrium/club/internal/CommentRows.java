package io.atrium.club.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.atrium.club.comments.Comment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code club_comments} table.
 */
@Repository
public class CommentRows {

	private static final String SELECT = "SELECT id, page_id, group_id, account_id, author_name, body, hidden, "
			+ "created_at FROM club_comments ";

	private final JdbcClient jdbc;

	public CommentRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long pageId, long groupId, long accountId, String authorName, String body, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO club_comments (page_id, group_id, account_id, author_name, body, hidden, created_at) "
					+ "VALUES (?, ?, ?, ?, ?, FALSE, ?)")
			.params(pageId, groupId, accountId, authorName, body, Times.utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<Comment> find(long id) {
		return this.jdbc.sql(SELECT + "WHERE id = ?").param(id).query(CommentRows::comment).optional();
	}

	/**
	 * @return the page's comments that the group's students see, oldest first
	 */
	public List<Comment> visibleToGroup(long pageId, long groupId) {
		return this.jdbc.sql(SELECT + "WHERE page_id = ? AND group_id = ? AND hidden = FALSE ORDER BY id")
			.params(pageId, groupId)
			.query(CommentRows::comment)
			.list();
	}

	/**
	 * @return every comment of the page, of every group, hidden ones too, oldest first
	 */
	public List<Comment> ofPage(long pageId) {
		return this.jdbc.sql(SELECT + "WHERE page_id = ? ORDER BY id").param(pageId).query(CommentRows::comment).list();
	}

	public int countVisible(long pageId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM club_comments WHERE page_id = ? AND hidden = FALSE")
			.param(pageId)
			.query(Integer.class)
			.single();
	}

	public void setHidden(long id, boolean hidden) {
		this.jdbc.sql("UPDATE club_comments SET hidden = ? WHERE id = ?").params(hidden, id).update();
	}

	public void delete(long id) {
		this.jdbc.sql("DELETE FROM club_comments WHERE id = ?").param(id).update();
	}

	public void moveGroup(long fromGroupId, long toGroupId) {
		this.jdbc.sql("UPDATE club_comments SET group_id = ? WHERE group_id = ?")
			.params(toGroupId, fromGroupId)
			.update();
	}

	private static Comment comment(ResultSet rs, int n) throws SQLException {
		return new Comment(rs.getLong("id"), rs.getLong("page_id"), rs.getLong("group_id"), rs.getLong("account_id"),
				rs.getString("author_name"), rs.getString("body"), rs.getBoolean("hidden"),
				Times.instant(rs, "created_at"));
	}

}
