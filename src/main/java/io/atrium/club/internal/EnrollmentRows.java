package io.atrium.club.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.atrium.club.groups.Enrollment;
import io.atrium.club.groups.EnrollmentSource;
import io.atrium.club.groups.PurchaseState;
import io.atrium.club.groups.StudentFilter;
import io.atrium.club.groups.StudentStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code club_enrollments} table. Every enrolment it returns carries the student's
 * subscription rights of the product ({@link SubscriptionRightRows}).
 */
@Repository
public class EnrollmentRows {

	static final String SELECT = "SELECT e.id, e.public_id, e.product_id, e.producer_account_id, e.account_id, "
			+ "e.student_email, e.student_name, e.group_id, e.source, e.started_at, e.access_ends_at, e.blocked, e.purchase_id, e.transaction_code, "
			+ "e.purchase_state, e.first_access_at, e.last_access_at, e.access_count, "
			+ "e.created_at FROM club_enrollments e ";

	private final JdbcClient jdbc;

	private final SubscriptionRightRows rights;

	public EnrollmentRows(JdbcClient jdbc, SubscriptionRightRows rights) {
		this.jdbc = jdbc;
		this.rights = rights;
	}

	public long insert(String publicId, long productId, long producerAccountId, long accountId, String email,
			String name, long groupId, EnrollmentSource source, Instant startedAt, Instant accessEndsAt,
			Long purchaseId, String transaction, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("INSERT INTO club_enrollments (public_id, product_id, producer_account_id, account_id, student_email, "
					+ "student_name, search_email, search_name, group_id, source, started_at, access_ends_at, blocked, purchase_id, "
					+ "transaction_code, purchase_state, access_count, created_at, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?, 'ACTIVE', 0, ?, ?)")
			.params(publicId, productId, producerAccountId, accountId, email, name, lower(email), lower(name), groupId,
					source.name(), Times.utc(startedAt), Times.utc(accessEndsAt), purchaseId, transaction,
					Times.utc(now), Times.utc(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	public Optional<Enrollment> find(long id) {
		return one(this.jdbc.sql(SELECT + "WHERE e.id = ?").param(id).query(EnrollmentRows::enrollment).optional());
	}

	public Optional<Enrollment> byPublicId(String publicId) {
		return one(this.jdbc.sql(SELECT + "WHERE e.public_id = ?")
			.param(publicId)
			.query(EnrollmentRows::enrollment)
			.optional());
	}

	public Optional<Enrollment> of(long productId, long accountId) {
		return one(this.jdbc.sql(SELECT + "WHERE e.product_id = ? AND e.account_id = ?")
			.params(productId, accountId)
			.query(EnrollmentRows::enrollment)
			.optional());
	}

	public Optional<Enrollment> lock(long productId, long accountId) {
		return one(this.jdbc.sql(SELECT + "WHERE e.product_id = ? AND e.account_id = ? FOR UPDATE")
			.params(productId, accountId)
			.query(EnrollmentRows::enrollment)
			.optional());
	}

	private Optional<Enrollment> one(Optional<Enrollment> enrollment) {
		return enrollment.map((e) -> this.rights.attach(List.of(e)).get(0));
	}

	/**
	 * @return the student's enrolments across every producer, oldest first
	 */
	public List<Enrollment> ofAccount(long accountId) {
		return this.rights.attach(this.jdbc.sql(SELECT + "WHERE e.account_id = ? ORDER BY e.created_at, e.id")
			.param(accountId)
			.query(EnrollmentRows::enrollment)
			.list());
	}

	/**
	 * @return the enrolments with these ids that belong to the product (others are left
	 * out, so callers compare sizes)
	 */
	public List<Enrollment> ofProduct(long productId, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Object> params = new ArrayList<>();
		params.add(productId);
		params.addAll(ids);
		String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
		return this.rights
			.attach(this.jdbc.sql(SELECT + "WHERE e.product_id = ? AND e.id IN (" + marks + ") ORDER BY e.id")
				.params(params)
				.query(EnrollmentRows::enrollment)
				.list());
	}

	public void moveGroup(Collection<Long> ids, long groupId, Instant now) {
		updateEach("group_id", groupId, ids, now);
	}

	public int moveAllOfGroup(long fromGroupId, long toGroupId, Instant now) {
		return this.jdbc.sql("UPDATE club_enrollments SET group_id = ?, updated_at = ? WHERE group_id = ?")
			.params(toGroupId, Times.utc(now), fromGroupId)
			.update();
	}

	public void setBlocked(Collection<Long> ids, boolean blocked, Instant now) {
		updateEach("blocked", blocked, ids, now);
	}

	/**
	 * One statement for a whole bulk action:
	 * {@code SET column = value WHERE id IN (...)}.
	 */
	private void updateEach(String column, Object value, Collection<Long> ids, Instant now) {
		if (ids.isEmpty()) {
			return;
		}
		List<Object> params = new ArrayList<>();
		params.add(value);
		params.add(Times.utc(now));
		params.addAll(ids);
		this.jdbc
			.sql("UPDATE club_enrollments SET " + column + " = ?, updated_at = ? WHERE id IN ("
					+ String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")")
			.params(params)
			.update();
	}

	public void updateImported(long id, long groupId, Instant startedAt, Instant accessEndsAt, Instant now) {
		this.jdbc
			.sql("UPDATE club_enrollments SET group_id = ?, started_at = ?, access_ends_at = ?, updated_at = ? "
					+ "WHERE id = ?")
			.params(groupId, Times.utc(startedAt), Times.utc(accessEndsAt), Times.utc(now), id)
			.update();
	}

	/**
	 * Records a new purchase on an existing enrolment: it restores access a refund or
	 * chargeback ended and moves the student to the purchase's group.
	 */
	public void renewPurchase(long id, long groupId, long purchaseId, String transaction, Instant now) {
		this.jdbc
			.sql("UPDATE club_enrollments SET group_id = ?, purchase_id = ?, transaction_code = ?, "
					+ "purchase_state = 'ACTIVE', source = 'BUYER', access_ends_at = NULL, updated_at = ? WHERE id = ?")
			.params(groupId, purchaseId, transaction, Times.utc(now), id)
			.update();
	}

	/**
	 * Ends the access the purchase gave, when the enrolment still rests on that purchase.
	 * @return whether an enrolment changed
	 */
	public boolean endPurchase(long purchaseId, PurchaseState state, Instant now) {
		return this.jdbc
			.sql("UPDATE club_enrollments SET purchase_state = ?, updated_at = ? WHERE purchase_id = ? "
					+ "AND purchase_state = 'ACTIVE'")
			.params(state.name(), Times.utc(now), purchaseId)
			.update() > 0;
	}

	/**
	 * Remembers that a purchase's access ended, once (the first state wins), so an
	 * enrolment that runs later for it does not grant access.
	 */
	public void recordEndedPurchase(long purchaseId, long producerAccountId, PurchaseState state, Instant now) {
		this.jdbc
			.sql("INSERT INTO club_ended_purchases (purchase_id, producer_account_id, state, ended_at) "
					+ "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
			.params(purchaseId, producerAccountId, state.name(), Times.utc(now))
			.update();
	}

	/**
	 * @return whether the purchase's access ended (refund or chargeback)
	 */
	public boolean purchaseEnded(long purchaseId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM club_ended_purchases WHERE purchase_id = ?")
			.param(purchaseId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Counts an entry into the product.
	 * @return whether it was the first
	 */
	public boolean recordAccess(long id, Instant now) {
		boolean first = this.jdbc
			.sql("UPDATE club_enrollments SET first_access_at = ? WHERE id = ? AND first_access_at IS NULL")
			.params(Times.utc(now), id)
			.update() > 0;
		this.jdbc.sql("UPDATE club_enrollments SET last_access_at = ?, access_count = access_count + 1 WHERE id = ?")
			.params(Times.utc(now), id)
			.update();
		return first;
	}

	/**
	 * The product's students matching the filter, by id.
	 * @param afterId only ids greater than this (a cursor), or null
	 * @param offset rows to skip
	 * @param limit at most this many
	 */
	public List<Enrollment> search(long productId, StudentFilter filter, Instant now, Long afterId, int offset,
			int limit) {
		List<Object> params = new ArrayList<>();
		String where = where(productId, filter, now, params);
		if (afterId != null) {
			where += " AND e.id > ?";
			params.add(afterId);
		}
		params.add(limit);
		params.add(offset);
		return this.rights.attach(this.jdbc.sql(SELECT + where + " ORDER BY e.id LIMIT ? OFFSET ?")
			.params(params)
			.query(EnrollmentRows::enrollment)
			.list());
	}

	/**
	 * A producer's students whose access started in a range, counted per product.
	 * @return product id → how many, by product id
	 */
	public java.util.Map<Long, Long> startedPerProduct(long producerAccountId, Instant from, Instant to) {
		java.util.Map<Long, Long> counts = new java.util.TreeMap<>();
		this.jdbc
			.sql("SELECT product_id, COUNT(*) FROM club_enrollments WHERE producer_account_id = ? "
					+ "AND started_at >= ? AND started_at < ? GROUP BY product_id")
			.params(producerAccountId, Times.utc(from), Times.utc(to))
			.query((java.sql.ResultSet rs) -> {
				counts.put(rs.getLong(1), rs.getLong(2));
			});
		return counts;
	}

	public long count(long productId, StudentFilter filter, Instant now) {
		List<Object> params = new ArrayList<>();
		String where = where(productId, filter, now, params);
		return this.jdbc.sql("SELECT COUNT(*) FROM club_enrollments e " + where)
			.params(params)
			.query(Long.class)
			.single();
	}

	private static String where(long productId, StudentFilter filter, Instant now, List<Object> params) {
		StringBuilder where = new StringBuilder("WHERE e.product_id = ?");
		params.add(productId);
		if (filter.query() != null && !filter.query().isBlank()) {
			where.append(" AND (LOWER(e.student_email) LIKE ? ESCAPE '!' OR LOWER(e.student_name) LIKE ? ESCAPE '!')");
			String like = "%" + filter.query()
				.strip()
				.toLowerCase(java.util.Locale.ROOT)
				.replace("!", "!!")
				.replace("%", "!%")
				.replace("_", "!_") + "%";
			params.add(like);
			params.add(like);
		}
		if (filter.groupId() != null) {
			where.append(" AND e.group_id = ?");
			params.add(filter.groupId());
		}
		if (filter.status() != null) {
			status(filter.status(), now, where, params);
		}
		if (filter.startedFrom() != null) {
			where.append(" AND e.started_at >= ?");
			params.add(Times.utc(filter.startedFrom()));
		}
		if (filter.startedTo() != null) {
			where.append(" AND e.started_at < ?");
			params.add(Times.utc(filter.startedTo()));
		}
		return where.toString();
	}

	/**
	 * The SQL form of {@link Enrollment#status}: ended by the purchase or the access
	 * period, or (with subscription rights, none of which grants access now) overdue when
	 * one of them is unpaid and ended otherwise.
	 */
	private static void status(StudentStatus status, Instant now, StringBuilder where, List<Object> params) {
		String ended = "(e.purchase_state <> 'ACTIVE' OR (e.access_ends_at IS NOT NULL AND e.access_ends_at <= ?))";
		String rights = "EXISTS (SELECT 1 FROM club_subscription_rights r WHERE r.product_id = e.product_id "
				+ "AND r.account_id = e.account_id";
		String lapsed = "(" + rights + ") AND NOT " + rights
				+ " AND r.access = TRUE AND (r.access_until IS NULL OR r.access_until > ?)))";
		String unpaid = rights + " AND r.status IN ('DELAYED', 'OVERDUE'))";
		Object at = Times.utc(now);
		if (status == StudentStatus.BLOCKED) {
			where.append(" AND e.blocked = TRUE");
			return;
		}
		where.append(" AND e.blocked = FALSE");
		switch (status) {
			case ENDED -> {
				where.append(" AND (").append(ended).append(" OR (").append(lapsed).append(" AND NOT ").append(unpaid);
				where.append("))");
				params.addAll(List.of(at, at));
			}
			case OVERDUE -> {
				where.append(" AND NOT ").append(ended).append(" AND ").append(lapsed).append(" AND ").append(unpaid);
				params.addAll(List.of(at, at));
			}
			default -> {
				where.append(" AND NOT ").append(ended).append(" AND NOT (").append(lapsed).append(")");
				params.addAll(List.of(at, at));
			}
		}
	}

	/**
	 * @param enrollmentIds some enrolments (a page of the Users tab)
	 * @return per enrolment, how many pages the student completed (absent: none)
	 */
	public java.util.Map<Long, Integer> completedCounts(Collection<Long> enrollmentIds) {
		java.util.Map<Long, Integer> counts = new java.util.HashMap<>();
		if (enrollmentIds.isEmpty()) {
			return counts;
		}
		this.jdbc
			.sql("SELECT enrollment_id, COUNT(*) FROM club_progress WHERE enrollment_id IN ("
					+ String.join(", ", java.util.Collections.nCopies(enrollmentIds.size(), "?"))
					+ ") GROUP BY enrollment_id")
			.params(new ArrayList<>(enrollmentIds))
			.query((rs) -> {
				counts.put(rs.getLong(1), rs.getInt(2));
			});
		return counts;
	}

	/**
	 * The student picker's query: the product's students whose e-mail address or name
	 * starts with the prefix, any case, by name. Each side is an index range on
	 * {@code (product_id, search_email)} or {@code (product_id, search_name)}; the
	 * {@code LIKE} keeps the answer exact whatever the database's collation.
	 * @param prefix what the producer typed, not blank
	 * @param limit at most this many
	 */
	public List<Enrollment> startingWith(long productId, String prefix, int limit) {
		String low = lower(prefix.strip());
		String like = low.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
		String next = low.substring(0, low.length() - 1) + (char) (low.charAt(low.length() - 1) + 1);
		String side = "SELECT id FROM club_enrollments WHERE product_id = ? AND %1$s >= ? AND %1$s < ? "
				+ "AND %1$s LIKE ? ESCAPE '!'";
		return this.rights.attach(this.jdbc
			.sql(SELECT + "WHERE e.id IN (" + side.formatted("search_email") + " UNION " + side.formatted("search_name")
					+ ") ORDER BY e.search_name, e.id LIMIT ?")
			.params(productId, low, next, like, productId, low, next, like, limit)
			.query(EnrollmentRows::enrollment)
			.list());
	}

	private static String lower(String text) {
		return (text != null) ? text.toLowerCase(java.util.Locale.ROOT) : null;
	}

	static Enrollment enrollment(ResultSet rs, int n) throws SQLException {
		return new Enrollment(rs.getLong("id"), rs.getString("public_id"), rs.getLong("product_id"),
				rs.getLong("producer_account_id"), rs.getLong("account_id"), rs.getString("student_email"),
				rs.getString("student_name"), rs.getLong("group_id"), EnrollmentSource.valueOf(rs.getString("source")),
				Times.instant(rs, "started_at"), Times.instant(rs, "access_ends_at"), rs.getBoolean("blocked"),
				(Long) rs.getObject("purchase_id", Long.class), rs.getString("transaction_code"),
				PurchaseState.valueOf(rs.getString("purchase_state")), List.of(), Times.instant(rs, "first_access_at"),
				Times.instant(rs, "last_access_at"), rs.getInt("access_count"), Times.instant(rs, "created_at"));
	}

}
