package io.atrium.club.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code club_comment_helpers} table (who helps which producer with comments) and the
 * ownership facts the comment rules need.
 */
@Repository
public class CommentHelperRows {

	private final JdbcClient jdbc;

	public CommentHelperRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public long insert(long producerAccountId, long helperAccountId, Long productId, String helperName, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO club_comment_helpers (producer_account_id, helper_account_id, product_id, helper_name, "
					+ "created_at) VALUES (?, ?, ?, ?, ?)")
			.params(producerAccountId, helperAccountId, productId, helperName, Times.utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public List<HelperRow> ofProducer(long producerAccountId) {
		return this.jdbc
			.sql("SELECT id, producer_account_id, helper_account_id, product_id, helper_name FROM club_comment_helpers "
					+ "WHERE producer_account_id = ? ORDER BY id")
			.param(producerAccountId)
			.query(CommentHelperRows::row)
			.list();
	}

	public Optional<HelperRow> find(long id) {
		return this.jdbc.sql(
				"SELECT id, producer_account_id, helper_account_id, product_id, helper_name FROM club_comment_helpers WHERE id = ?")
			.param(id)
			.query(CommentHelperRows::row)
			.optional();
	}

	public void delete(long id) {
		this.jdbc.sql("DELETE FROM club_comment_helpers WHERE id = ?").param(id).update();
	}

	/**
	 * @return whether the helper helps the producer with this product (named for it or
	 * for all the producer's products)
	 */
	public boolean helps(long producerAccountId, long helperAccountId, long productId) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM club_comment_helpers WHERE producer_account_id = ? AND helper_account_id = ? "
					+ "AND (product_id IS NULL OR product_id = ?)")
			.params(producerAccountId, helperAccountId, productId)
			.query(Integer.class)
			.single() > 0;
	}

	/**
	 * @return the producer of a members-area product, if it has a members area
	 */
	public Optional<Long> producerOf(long productId) {
		return this.jdbc.sql("SELECT producer_account_id FROM club_products WHERE product_id = ?")
			.param(productId)
			.query(Long.class)
			.optional();
	}

	/**
	 * @return the members-area products whose comments the account may moderate: their
	 * own and those they help with
	 */
	public List<Long> moderatedProducts(long accountId) {
		return this.jdbc
			.sql("SELECT cp.product_id FROM club_products cp WHERE cp.producer_account_id = ? UNION "
					+ "SELECT cp.product_id FROM club_comment_helpers h JOIN club_products cp "
					+ "ON cp.producer_account_id = h.producer_account_id "
					+ "AND (h.product_id IS NULL OR h.product_id = cp.product_id) WHERE h.helper_account_id = ?")
			.params(accountId, accountId)
			.query(Long.class)
			.list();
	}

	private static HelperRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		long product = rs.getLong("product_id");
		return new HelperRow(rs.getLong("id"), rs.getLong("producer_account_id"), rs.getLong("helper_account_id"),
				rs.wasNull() ? null : product, rs.getString("helper_name"));
	}

	/**
	 * A helper as stored.
	 *
	 * @param id the row's id
	 * @param producerAccountId the producer
	 * @param helperAccountId the helper's account
	 * @param productId the product, null for all the producer's products
	 * @param name the name the producer gave
	 */
	public record HelperRow(long id, long producerAccountId, long helperAccountId, Long productId, String name) {
	}

}
