package io.atrium.subscriptions;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.atrium.checkout.PaymentMethod;
import io.atrium.shared.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code subscription_negotiations} table.
 */
@Repository
class NegotiationRows {

	private static final String COLUMNS = "id, subscription_id, recurrences, payment_method, amount_minor, "
			+ "discount_minor, currency, charge_key, transaction_code, created_at, paid_at";

	private final JdbcClient jdbc;

	NegotiationRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(long subscriptionId, long producerAccountId, List<Integer> recurrences, PaymentMethod method,
			Money amount, long discountMinor, String key, Instant now) {
		this.jdbc.sql("""
				INSERT INTO subscription_negotiations (subscription_id, producer_account_id, recurrences,
				  payment_method, amount_minor, discount_minor, currency, charge_key, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(subscriptionId, producerAccountId, text(recurrences), method.name(), amount.amountMinor(),
					discountMinor, amount.currency().getCurrencyCode(), key, SubscriptionRows.utc(now))
			.update();
	}

	void charged(String key, String transaction) {
		this.jdbc.sql("UPDATE subscription_negotiations SET transaction_code = ? WHERE charge_key = ?")
			.params(transaction, key)
			.update();
	}

	/**
	 * Marks a negotiation paid, once.
	 * @return whether this call marked it (false when it was already paid)
	 */
	boolean markPaid(long id, Instant now) {
		return this.jdbc.sql("UPDATE subscription_negotiations SET paid_at = ? WHERE id = ? AND paid_at IS NULL")
			.params(SubscriptionRows.utc(now), id)
			.update() == 1;
	}

	Optional<Row> byTransaction(String transaction) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM subscription_negotiations WHERE transaction_code = ?")
			.param(transaction)
			.query(NegotiationRows::row)
			.optional();
	}

	Map<String, Row> byTransactions(Collection<String> transactions) {
		if (transactions.isEmpty()) {
			return Map.of();
		}
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM subscription_negotiations WHERE transaction_code IN (:transactions)")
			.param("transactions", List.copyOf(transactions))
			.query(NegotiationRows::row)
			.list()
			.stream()
			.collect(Collectors.toMap(Row::transaction, Function.identity()));
	}

	List<Row> unpaidOf(long subscriptionId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM subscription_negotiations WHERE subscription_id = ? "
					+ "AND paid_at IS NULL AND transaction_code IS NOT NULL ORDER BY id DESC")
			.param(subscriptionId)
			.query(NegotiationRows::row)
			.list();
	}

	static String text(List<Integer> recurrences) {
		return String.join(",", recurrences.stream().map(String::valueOf).toList());
	}

	private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		List<Integer> recurrences = Arrays.stream(rs.getString("recurrences").split(","))
			.map(String::trim)
			.map(Integer::valueOf)
			.toList();
		return new Row(rs.getLong("id"), rs.getLong("subscription_id"), recurrences,
				PaymentMethod.valueOf(rs.getString("payment_method")),
				Money.of(rs.getLong("amount_minor"), rs.getString("currency")), rs.getLong("discount_minor"),
				rs.getString("charge_key"), rs.getString("transaction_code"),
				SubscriptionRows.instant(rs, "created_at"), SubscriptionRows.instant(rs, "paid_at"));
	}

	/**
	 * One negotiation.
	 */
	record Row(long id, long subscriptionId, List<Integer> recurrences, PaymentMethod method, Money amount,
			long discountMinor, String key, String transaction, Instant createdAt, Instant paidAt) {
	}

}
