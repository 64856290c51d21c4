package io.atrium.subscriptions;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.atrium.platform.InputLimits;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists a producer's subscriptions a page at a time, newest first (by start, then id),
 * for the compatible API and the producer's pages. Pages are keyset pages: a page reads
 * the subscriptions after (or before) the position its cursor names, through the index on
 * (producer, start, id), so any page is as fast as the first, and subscriptions that
 * start meanwhile never shift or repeat the pages that follow.
 */
@Service
@Transactional(readOnly = true)
public class SubscriptionSearch {

	/** The name of this list in its cursors. */
	static final String LIST = "subscriptions";

	private static final String ENDED = "('CANCELLED_BY_CUSTOMER', 'CANCELLED_BY_SELLER', 'CANCELLED_BY_ADMIN', "
			+ "'INACTIVE')";

	private final JdbcClient jdbc;

	SubscriptionSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One page of the subscriptions that match.
	 * @param filter which subscriptions
	 * @param cursor a cursor of an earlier page ({@link Page#nextCursor()} or
	 * {@link Page#previousCursor()}), or null/blank for the first page
	 * @param size the page size, at least 1
	 * @return the page
	 * @throws KeysetCursor.InvalidCursor when the cursor was not issued by this list
	 */
	public Page search(SubscriptionFilter filter, String cursor, int size) {
		KeysetCursor position = KeysetCursor.parse(LIST, 2, cursor);
		int rows = Math.max(1, size);
		Where where = Where.of(filter);
		StringBuilder sql = new StringBuilder("SELECT " + SubscriptionRows.COLUMNS + " FROM subscriptions s WHERE ")
			.append(where.sql);
		Map<String, Object> params = new TreeMap<>(where.params);
		boolean backward = position != null && position.backward();
		if (position != null) {
			// the first condition bounds the index range, the second breaks ties
			String op = backward ? ">" : "<";
			sql.append(" AND s.started_at ")
				.append(op)
				.append("= :keyAt AND (s.started_at ")
				.append(op)
				.append(" :keyAt OR s.id ")
				.append(op)
				.append(" :keyId)");
			Instant at = micros(position.value(0));
			if (!InputLimits.isSaneDate(at)) {
				throw new KeysetCursor.InvalidCursor();
			}
			params.put("keyAt", SubscriptionRows.utc(at));
			params.put("keyId", position.value(1));
		}
		String order = backward ? "ASC" : "DESC";
		sql.append(" ORDER BY s.started_at ").append(order).append(", s.id ").append(order);
		sql.append(" LIMIT ").append(rows + 1);
		List<Subscription> fetched = new ArrayList<>(
				this.jdbc.sql(sql.toString()).params(params).query(SubscriptionRows::subscription).list());
		boolean more = fetched.size() > rows;
		List<Subscription> items = new ArrayList<>(fetched.subList(0, Math.min(rows, fetched.size())));
		if (backward) {
			Collections.reverse(items);
		}
		boolean hasNext = backward || more;
		boolean hasPrevious = backward ? more : position != null;
		if (items.isEmpty()) {
			return new Page(List.of(), null, null);
		}
		String next = hasNext ? KeysetCursor.after(LIST, key(items.get(items.size() - 1))).token() : null;
		String previous = hasPrevious ? KeysetCursor.before(LIST, key(items.get(0))).token() : null;
		return new Page(List.copyOf(items), next, previous);
	}

	/**
	 * @param filter which subscriptions
	 * @return how many match
	 */
	public long count(SubscriptionFilter filter) {
		Where where = Where.of(filter);
		return this.jdbc.sql("SELECT COUNT(*) FROM subscriptions s WHERE " + where.sql)
			.params(where.params)
			.query(Long.class)
			.single();
	}

	/**
	 * @param producerAccountId a producer
	 * @param ids subscription ids
	 * @return those of the ids that are the producer's subscriptions, by id
	 */
	public Map<Long, Subscription> byIds(long producerAccountId, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.jdbc
			.sql("SELECT " + SubscriptionRows.COLUMNS
					+ " FROM subscriptions s WHERE s.producer_account_id = :producer AND s.id IN (:ids)")
			.param("producer", producerAccountId)
			.param("ids", List.copyOf(ids))
			.query(SubscriptionRows::subscription)
			.list()
			.stream()
			.collect(Collectors.toMap(Subscription::id, Function.identity()));
	}

	/**
	 * @param s a subscription
	 * @return its sort key: start in epoch microseconds, then id
	 */
	static long[] key(Subscription s) {
		Instant at = s.startedAt();
		return new long[] { Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000),
				s.id() };
	}

	private static Instant micros(long micros) {
		return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
	}

	/**
	 * One page.
	 *
	 * @param items the subscriptions of the page, newest first
	 * @param nextCursor the cursor of the page after it, null on the last page
	 * @param previousCursor the cursor of the page before it, null on the first page
	 */
	public record Page(List<Subscription> items, String nextCursor, String previousCursor) {

	}

	/**
	 * The SQL condition of a filter and its parameters.
	 */
	private record Where(String sql, Map<String, Object> params) {

		static Where of(SubscriptionFilter f) {
			StringBuilder sql = new StringBuilder("s.producer_account_id = :producer");
			Map<String, Object> params = new TreeMap<>();
			params.put("producer", f.producerAccountId());
			if (f.productId() != null) {
				sql.append(" AND s.product_id = :product");
				params.put("product", f.productId());
			}
			if (f.planNames() != null) {
				sql.append(f.planNames().isEmpty() ? " AND 1 = 0" : " AND LOWER(s.plan_name) IN (:plans)");
				params.put("plans", f.planNames().stream().map((n) -> n.strip().toLowerCase(Locale.ROOT)).toList());
			}
			if (f.planId() != null) {
				sql.append(" AND s.offer_id = :plan");
				params.put("plan", f.planId());
			}
			window(sql, params, "s.started_at", "started", f.startedFrom(), f.startedTo());
			if (f.statuses() != null) {
				sql.append(f.statuses().isEmpty() ? " AND 1 = 0" : " AND s.status IN (:statuses)");
				params.put("statuses", f.statuses().stream().map(SubscriptionStatus::name).sorted().toList());
			}
			if (present(f.subscriberCode())) {
				sql.append(" AND s.subscriber_code = :code");
				params.put("code", f.subscriberCode().strip().toUpperCase(Locale.ROOT));
			}
			if (present(f.subscriberEmail())) {
				sql.append(" AND s.buyer_email = :email");
				params.put("email", f.subscriberEmail().strip().toLowerCase(Locale.ROOT));
			}
			if (present(f.transaction())) {
				sql.append(" AND s.first_transaction = :transaction");
				params.put("transaction", f.transaction().strip().toUpperCase(Locale.ROOT));
			}
			if (f.trial() != null) {
				sql.append(f.trial() ? " AND " : " AND NOT ")
					.append("(s.trial_ends_at IS NOT NULL AND s.current_recurrence = 0 AND s.status = 'ACTIVE')");
			}
			window(sql, params, "s.cancelled_at", "cancelled", f.cancelledFrom(), f.cancelledTo());
			window(sql, params, "CASE WHEN s.status IN " + ENDED + " THEN s.access_until ELSE s.next_charge_at END",
					"nextCharge", f.nextChargeFrom(), f.nextChargeTo());
			if (present(f.search())) {
				sql.append(
						" AND (LOWER(s.buyer_name) LIKE :search ESCAPE '!' OR LOWER(s.buyer_email) LIKE :search ESCAPE '!'"
								+ " OR LOWER(s.subscriber_code) LIKE :search ESCAPE '!')");
				params.put("search", like(f.search()));
			}
			return new Where(sql.toString(), params);
		}

		private static void window(StringBuilder sql, Map<String, Object> params, String column, String name,
				Instant from, Instant to) {
			if (from != null) {
				sql.append(" AND ").append(column).append(" >= :").append(name).append("From");
				params.put(name + "From", SubscriptionRows.utc(from));
			}
			if (to != null) {
				sql.append(" AND ").append(column).append(" < :").append(name).append("To");
				params.put(name + "To", SubscriptionRows.utc(to));
			}
		}

		private static boolean present(String text) {
			return text != null && !text.isBlank();
		}

		private static String like(String text) {
			String escaped = text.strip()
				.toLowerCase(Locale.ROOT)
				.replace("!", "!!")
				.replace("%", "!%")
				.replace("_", "!_");
			return "%" + escaped + "%";
		}

	}

}
