package io.atrium.club.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.atrium.club.comments.Comment;
import io.atrium.club.comments.CommentAuthor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code club_comments} table: top-level comments ({@code parent_id} NULL) and their
 * replies.
 */
@Repository
public class CommentRows {

	// product_id is NULL only on rows written by hand (its column has no default): the
	// page tells
	private static final String COLUMNS = "c.id, c.page_id, "
			+ "COALESCE(c.product_id, (SELECT p0.product_id FROM club_pages p0 WHERE p0.id = c.page_id)) AS product_id, "
			+ "c.parent_id, c.group_id, c.account_id, "
			+ "c.author_name, c.author_role, c.body, c.hidden, c.answered, c.created_at";

	private static final String SELECT = "SELECT " + COLUMNS + " FROM club_comments c ";

	private final JdbcClient jdbc;

	public CommentRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts a top-level comment (parentId null, not answered) or a reply (answered).
	 */
	public long insert(long pageId, long productId, long producerAccountId, Long parentId, long groupId, long accountId,
			String authorName, CommentAuthor author, String body, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql(
				"INSERT INTO club_comments (page_id, product_id, producer_account_id, parent_id, group_id, account_id, "
						+ "author_name, author_role, body, hidden, answered, created_at) "
						+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?)")
			.params(pageId, productId, producerAccountId, parentId, groupId, accountId, authorName, author.name(), body,
					parentId != null, Times.utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<Comment> find(long id) {
		return this.jdbc.sql(SELECT + "WHERE c.id = ?").param(id).query(CommentRows::comment).optional();
	}

	/**
	 * @return the page's top-level comments the group's students see, newest first, at
	 * most {@code limit}
	 */
	public List<Comment> threadsOfGroup(long pageId, long groupId, int limit) {
		return this.jdbc
			.sql(SELECT + "WHERE c.page_id = ? AND c.group_id = ? AND c.parent_id IS NULL AND c.hidden = FALSE "
					+ "ORDER BY c.id DESC LIMIT ?")
			.params(pageId, groupId, limit)
			.query(CommentRows::comment)
			.list();
	}

	/**
	 * @return every top-level comment of the page, of every group, hidden ones too,
	 * newest first, at most {@code limit}
	 */
	public List<Comment> threadsOfPage(long pageId, int limit) {
		return this.jdbc.sql(SELECT + "WHERE c.page_id = ? AND c.parent_id IS NULL ORDER BY c.id DESC LIMIT ?")
			.params(pageId, limit)
			.query(CommentRows::comment)
			.list();
	}

	/**
	 * @param parentIds top-level comments
	 * @param visibleOnly whether to leave hidden replies out
	 * @return their replies, oldest first
	 */
	public List<Comment> replies(Collection<Long> parentIds, boolean visibleOnly) {
		if (parentIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql(SELECT + "WHERE c.parent_id IN (:ids)" + (visibleOnly ? " AND c.hidden = FALSE" : "")
					+ " ORDER BY c.id")
			.param("ids", List.copyOf(parentIds))
			.query(CommentRows::comment)
			.list();
	}

	/**
	 * @return every comment of the page, of every group, hidden ones too, oldest first
	 */
	public List<Comment> ofPage(long pageId) {
		return this.jdbc.sql(SELECT + "WHERE c.page_id = ? ORDER BY c.id")
			.param(pageId)
			.query(CommentRows::comment)
			.list();
	}

	/**
	 * @param productIds products
	 * @param limit at most this many
	 * @param offset after skipping this many
	 * @return their top-level comments that are not hidden and not answered, newest
	 * first, with the page's name and public id
	 */
	public List<Question> unanswered(Collection<Long> productIds, int limit, int offset) {
		if (productIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT " + COLUMNS + ", p.name AS page_name, p.public_id AS page_public_id FROM club_comments c "
					+ "JOIN club_pages p ON p.id = c.page_id WHERE c.product_id IN (:ids) AND c.answered = FALSE "
					+ "AND c.hidden = FALSE AND c.parent_id IS NULL ORDER BY c.id DESC LIMIT :limit OFFSET :offset")
			.param("ids", List.copyOf(productIds))
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, n) -> new Question(comment(rs, n), rs.getString("page_name"), rs.getString("page_public_id")))
			.list();
	}

	/**
	 * @return how many questions {@link #unanswered} finds in all
	 */
	public long countUnanswered(Collection<Long> productIds) {
		if (productIds.isEmpty()) {
			return 0;
		}
		return this.jdbc
			.sql("SELECT COUNT(*) FROM club_comments c WHERE c.product_id IN (:ids) AND c.answered = FALSE "
					+ "AND c.hidden = FALSE AND c.parent_id IS NULL")
			.param("ids", List.copyOf(productIds))
			.query(Long.class)
			.single();
	}

	public void setHidden(long id, boolean hidden) {
		this.jdbc.sql("UPDATE club_comments SET hidden = ? WHERE id = ?").params(hidden, id).update();
	}

	public void setAnswered(long id, boolean answered) {
		this.jdbc.sql("UPDATE club_comments SET answered = ? WHERE id = ? AND parent_id IS NULL")
			.params(answered, id)
			.update();
	}

	/** Deletes a comment and, for a top-level one, its replies. */
	public void delete(long id) {
		this.jdbc.sql("DELETE FROM club_comments WHERE parent_id = ?").param(id).update();
		this.jdbc.sql("DELETE FROM club_comments WHERE id = ?").param(id).update();
	}

	public void moveGroup(long fromGroupId, long toGroupId) {
		this.jdbc.sql("UPDATE club_comments SET group_id = ? WHERE group_id = ?")
			.params(toGroupId, fromGroupId)
			.update();
	}

	private static Comment comment(ResultSet rs, int n) throws SQLException {
		long parent = rs.getLong("parent_id");
		Long parentId = rs.wasNull() ? null : parent;
		return new Comment(rs.getLong("id"), rs.getLong("page_id"), rs.getLong("product_id"), parentId,
				rs.getLong("group_id"), rs.getLong("account_id"), rs.getString("author_name"),
				CommentAuthor.valueOf(rs.getString("author_role")), rs.getString("body"), rs.getBoolean("hidden"),
				rs.getBoolean("answered"), Times.instant(rs, "created_at"));
	}

	/**
	 * An unanswered question with where it was asked.
	 *
	 * @param comment the top-level comment
	 * @param pageName the page's name
	 * @param pagePublicId the page's public id (its address)
	 */
	public record Question(Comment comment, String pageName, String pagePublicId) {
	}

}
