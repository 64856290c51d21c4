package io.atrium.club.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.atrium.club.groups.Enrollment;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the APIs need across a producer's whole members area (the compatible club API is
 * per producer, not per product).
 */
@Repository
public class ApiRows {

	private final JdbcClient jdbc;

	private final SubscriptionRightRows rights;

	public ApiRows(JdbcClient jdbc, SubscriptionRightRows rights) {
		this.jdbc = jdbc;
		this.rights = rights;
	}

	/**
	 * @return the ids of the producer's products in the members area, oldest first
	 */
	public List<Long> productsOf(long producerAccountId) {
		return this.jdbc
			.sql("SELECT product_id FROM club_products WHERE producer_account_id = ? ORDER BY created_at, product_id")
			.param(producerAccountId)
			.query(Long.class)
			.list();
	}

	/**
	 * The producer's enrolments, by id.
	 * @param productId only this product, or null
	 * @param email part of the e-mail address, any case, or null
	 */
	public List<Enrollment> ofProducer(long producerAccountId, Long productId, String email, int offset, int limit) {
		List<Object> params = new ArrayList<>();
		String where = where(producerAccountId, productId, email, params);
		params.add(limit);
		params.add(offset);
		return this.rights.attach(this.jdbc.sql(EnrollmentRows.SELECT + where + " ORDER BY e.id LIMIT ? OFFSET ?")
			.params(params)
			.query(EnrollmentRows::enrollment)
			.list());
	}

	public long countOfProducer(long producerAccountId, Long productId, String email) {
		List<Object> params = new ArrayList<>();
		String where = where(producerAccountId, productId, email, params);
		return this.jdbc.sql("SELECT COUNT(*) FROM club_enrollments e " + where)
			.params(params)
			.query(Long.class)
			.single();
	}

	/**
	 * @return the producer's enrolments of exactly this address, by id
	 */
	public List<Enrollment> ofProducerByEmail(long producerAccountId, String email) {
		return this.rights.attach(this.jdbc
			.sql(EnrollmentRows.SELECT + "WHERE e.producer_account_id = ? AND LOWER(e.student_email) = ? ORDER BY e.id")
			.params(producerAccountId, email.strip().toLowerCase(Locale.ROOT))
			.query(EnrollmentRows::enrollment)
			.list());
	}

	/**
	 * @return per page of the product, how many comments are not hidden
	 */
	public Map<Long, Integer> visibleComments(long productId) {
		Map<Long, Integer> counts = new HashMap<>();
		this.jdbc
			.sql("SELECT c.page_id, COUNT(*) FROM club_comments c JOIN club_pages p ON p.id = c.page_id "
					+ "WHERE p.product_id = ? AND c.hidden = FALSE GROUP BY c.page_id")
			.param(productId)
			.query((rs) -> {
				counts.put(rs.getLong(1), rs.getInt(2));
			});
		return counts;
	}

	private static String where(long producerAccountId, Long productId, String email, List<Object> params) {
		StringBuilder where = new StringBuilder("WHERE e.producer_account_id = ?");
		params.add(producerAccountId);
		if (productId != null) {
			where.append(" AND e.product_id = ?");
			params.add(productId);
		}
		if (email != null && !email.isBlank()) {
			where.append(" AND LOWER(e.student_email) LIKE ? ESCAPE '!'");
			params.add("%"
					+ email.strip().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_")
					+ "%");
		}
		return where.toString();
	}

}
