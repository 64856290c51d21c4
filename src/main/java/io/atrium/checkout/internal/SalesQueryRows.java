package io.atrium.checkout.internal;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.checkout.SalesFilter;
import io.atrium.checkout.SalesQuery;
import io.atrium.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link SalesQuery} over the {@code purchases} table.
 */
@Service
@Transactional(readOnly = true)
class SalesQueryRows implements SalesQuery {

	private static final String COLUMNS = PurchaseRows.COLUMNS;

	private final JdbcClient jdbc;

	SalesQueryRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Purchase> find(SalesFilter filter, long offset, int limit) {
		Where where = Where.of(filter);
		return where.bind(this.jdbc.sql("SELECT " + COLUMNS + " FROM purchases WHERE " + where.sql
				+ " ORDER BY created_at DESC, id DESC LIMIT " + Math.max(0, limit) + " OFFSET " + Math.max(0, offset)))
			.query(PurchaseRows::purchase)
			.list();
	}

	@Override
	public long count(SalesFilter filter) {
		Where where = Where.of(filter);
		return where.bind(this.jdbc.sql("SELECT COUNT(*) FROM purchases WHERE " + where.sql))
			.query(Long.class)
			.single();
	}

	@Override
	public List<CurrencyTotal> totals(SalesFilter filter) {
		Where where = Where.of(filter);
		return where
			.bind(this.jdbc.sql("SELECT currency, COUNT(*), SUM(amount_minor) FROM purchases WHERE " + where.sql
					+ " GROUP BY currency ORDER BY currency"))
			.query((rs, n) -> new CurrencyTotal(rs.getLong(2), Money.of(rs.getLong(3), rs.getString(1))))
			.list();
	}

	@Override
	public List<DailySales> daily(SalesFilter filter, ZoneId zone) {
		Where where = Where.of(filter);
		Map<String, long[]> sums = new TreeMap<>();
		where.bind(this.jdbc.sql("SELECT created_at, currency, amount_minor FROM purchases WHERE " + where.sql))
			.query((ResultSet rs) -> {
				LocalDate day = Times.instant(rs, 1).atZone(zone).toLocalDate();
				long[] sum = sums.computeIfAbsent(day + " " + rs.getString(2), (k) -> new long[2]);
				sum[0]++;
				sum[1] += rs.getLong(3);
			});
		List<DailySales> days = new ArrayList<>();
		sums.forEach((key, sum) -> days
			.add(new DailySales(LocalDate.parse(key.substring(0, 10)), sum[0], Money.of(sum[1], key.substring(11)))));
		return days;
	}

	/**
	 * The SQL condition of a filter and its parameters.
	 */
	private record Where(String sql, Map<String, Object> params) {

		static Where of(SalesFilter f) {
			StringBuilder sql = new StringBuilder("producer_account_id = :producer");
			Map<String, Object> params = new TreeMap<>();
			params.put("producer", f.producerAccountId());
			if (f.from() != null) {
				sql.append(" AND created_at >= :from");
				params.put("from", Times.utc(f.from()));
			}
			if (f.to() != null) {
				sql.append(" AND created_at < :to");
				params.put("to", Times.utc(f.to()));
			}
			if (f.productId() != null) {
				sql.append(" AND product_id = :product");
				params.put("product", f.productId());
			}
			if (f.statuses() != null) {
				if (f.statuses().isEmpty()) {
					sql.append(" AND 1 = 0");
				}
				else {
					sql.append(" AND status IN (:statuses)");
					params.put("statuses", f.statuses().stream().map(PurchaseStatus::name).sorted().toList());
				}
			}
			if (present(f.buyerName())) {
				sql.append(" AND LOWER(buyer_name) LIKE :buyerName ESCAPE '!'");
				params.put("buyerName", like(f.buyerName()));
			}
			if (present(f.buyerEmail())) {
				sql.append(" AND LOWER(buyer_email) LIKE :buyerEmail ESCAPE '!'");
				params.put("buyerEmail", like(f.buyerEmail()));
			}
			if (present(f.buyer())) {
				sql.append(
						" AND (LOWER(buyer_name) LIKE :buyer ESCAPE '!' OR LOWER(buyer_email) LIKE :buyer ESCAPE '!')");
				params.put("buyer", like(f.buyer()));
			}
			if (present(f.transaction())) {
				sql.append(" AND transaction_code = :transaction");
				params.put("transaction", f.transaction().strip());
			}
			if (present(f.offerCode())) {
				sql.append(" AND offer_code = :offer");
				params.put("offer", f.offerCode().strip());
			}
			if (f.method() != null) {
				sql.append(" AND payment_method = :method");
				params.put("method", f.method().name());
			}
			return new Where(sql.toString(), params);
		}

		JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
			return spec.params(this.params);
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
