package io.atrium.checkout.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.checkout.RecurringChargeFilter;
import io.atrium.checkout.RecurringChargeQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link RecurringChargeQuery} over the {@code purchases} table; pages go through the
 * index on (producer, id).
 */
@Service
@Transactional(readOnly = true)
class RecurringChargeRows implements RecurringChargeQuery {

	private final JdbcClient jdbc;

	RecurringChargeRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Purchase> page(RecurringChargeFilter f, Long position, boolean backward, int limit) {
		StringBuilder sql = new StringBuilder("SELECT " + PurchaseRows.COLUMNS
				+ " FROM purchases WHERE producer_account_id = :producer AND subscription_id IS NOT NULL");
		Map<String, Object> params = new TreeMap<>();
		params.put("producer", f.producerAccountId());
		if (f.subscriptionId() != null) {
			sql.append(" AND subscription_id = :subscription");
			params.put("subscription", f.subscriptionId());
		}
		if (f.productId() != null) {
			sql.append(" AND product_id = :product");
			params.put("product", f.productId());
		}
		if (f.transaction() != null && !f.transaction().isBlank()) {
			sql.append(" AND transaction_code = :transaction");
			params.put("transaction", f.transaction().strip());
		}
		if (f.statuses() != null) {
			sql.append(f.statuses().isEmpty() ? " AND 1 = 0" : " AND status IN (:statuses)");
			params.put("statuses", f.statuses().stream().map(PurchaseStatus::name).sorted().toList());
		}
		if (f.from() != null) {
			sql.append(" AND created_at >= :from");
			params.put("from", Times.utc(f.from()));
		}
		if (f.to() != null) {
			sql.append(" AND created_at < :to");
			params.put("to", Times.utc(f.to()));
		}
		if (f.offerCode() != null && !f.offerCode().isBlank()) {
			sql.append(" AND offer_code = :offer");
			params.put("offer", f.offerCode().strip());
		}
		if (f.method() != null) {
			sql.append(" AND payment_method = :method");
			params.put("method", f.method().name());
		}
		if (position != null) {
			sql.append(backward ? " AND id > :position" : " AND id < :position");
			params.put("position", position);
		}
		sql.append(backward ? " ORDER BY id ASC" : " ORDER BY id DESC").append(" LIMIT ").append(Math.max(1, limit));
		return this.jdbc.sql(sql.toString()).params(params).query(PurchaseRows::purchase).list();
	}

	@Override
	public List<Purchase> ofSubscriptions(Collection<Long> subscriptionIds) {
		if (subscriptionIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT " + PurchaseRows.COLUMNS + " FROM purchases WHERE subscription_id IN (:ids) ORDER BY id")
			.param("ids", List.copyOf(subscriptionIds))
			.query(PurchaseRows::purchase)
			.list();
	}

	@Override
	public List<Purchase> byIds(Collection<Long> purchaseIds) {
		if (purchaseIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + PurchaseRows.COLUMNS + " FROM purchases WHERE id IN (:ids) ORDER BY id")
			.param("ids", List.copyOf(purchaseIds))
			.query(PurchaseRows::purchase)
			.list();
	}

}
