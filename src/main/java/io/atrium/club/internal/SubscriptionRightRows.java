package io.atrium.club.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.atrium.club.access.SubscriptionRight;
import io.atrium.club.groups.Enrollment;
import io.atrium.subscriptions.SubscriptionStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code club_subscription_rights} table: one access right per subscription.
 */
@Repository
public class SubscriptionRightRows {

	private final JdbcClient jdbc;

	public SubscriptionRightRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a subscription's access as of its change {@code version}: inserts it the
	 * first time, and otherwise updates it only when the version is higher than the
	 * stored one, so a retried or late event changes nothing.
	 * @return whether the right changed
	 */
	public boolean record(Change change, Instant now) {
		boolean inserted = this.jdbc
			.sql("INSERT INTO club_subscription_rights (subscription_id, product_id, producer_account_id, account_id, "
					+ "subscriber_code, status, access, access_until, overdue_since, changed_at, version, updated_at) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
			.params(change.subscriptionId(), change.productId(), change.producerAccountId(), change.accountId(),
					change.subscriberCode(), change.status().name(), change.access(), Times.utc(change.accessUntil()),
					Times.utc(change.overdueSince()), Times.utc(change.changedAt()), change.version(), Times.utc(now))
			.update() > 0;
		if (inserted) {
			return true;
		}
		return this.jdbc
			.sql("UPDATE club_subscription_rights SET product_id = ?, account_id = ?, subscriber_code = ?, status = ?, "
					+ "access = ?, access_until = ?, overdue_since = ?, changed_at = ?, version = ?, updated_at = ? "
					+ "WHERE subscription_id = ? AND version < ?")
			.params(change.productId(), change.accountId(), change.subscriberCode(), change.status().name(),
					change.access(), Times.utc(change.accessUntil()), Times.utc(change.overdueSince()),
					Times.utc(change.changedAt()), change.version(), Times.utc(now), change.subscriptionId(),
					change.version())
			.update() > 0;
	}

	/**
	 * @return the same enrolments, each with the rights of its (product, account), by
	 * subscription id
	 */
	public List<Enrollment> attach(List<Enrollment> enrollments) {
		if (enrollments.isEmpty()) {
			return enrollments;
		}
		List<Long> products = enrollments.stream().map(Enrollment::productId).distinct().toList();
		List<Long> accounts = enrollments.stream().map(Enrollment::accountId).distinct().toList();
		List<Object> params = new ArrayList<>(products);
		params.addAll(accounts);
		Map<String, List<SubscriptionRight>> byStudent = new HashMap<>();
		this.jdbc
			.sql("SELECT subscription_id, product_id, account_id, status, access, access_until, overdue_since "
					+ "FROM club_subscription_rights WHERE product_id IN (" + marks(products.size())
					+ ") AND account_id IN (" + marks(accounts.size()) + ") ORDER BY subscription_id")
			.params(params)
			.query((rs) -> {
				byStudent
					.computeIfAbsent(key(rs.getLong("product_id"), rs.getLong("account_id")), (k) -> new ArrayList<>())
					.add(right(rs));
			});
		if (byStudent.isEmpty()) {
			return enrollments;
		}
		return enrollments.stream()
			.map((e) -> e.withSubscriptions(byStudent.getOrDefault(key(e.productId(), e.accountId()), List.of())))
			.toList();
	}

	private static SubscriptionRight right(ResultSet rs) throws SQLException {
		return new SubscriptionRight(rs.getLong("subscription_id"), SubscriptionStatus.valueOf(rs.getString("status")),
				rs.getBoolean("access"), Times.instant(rs, "access_until"), Times.instant(rs, "overdue_since"));
	}

	private static String key(long productId, long accountId) {
		return productId + ":" + accountId;
	}

	private static String marks(int n) {
		return String.join(", ", Collections.nCopies(n, "?"));
	}

	/**
	 * A subscription's access as one of its changes said it.
	 *
	 * @param subscriptionId the subscription
	 * @param productId its product
	 * @param producerAccountId its producer
	 * @param accountId the subscriber's account
	 * @param subscriberCode its subscriber code
	 * @param status its status
	 * @param access whether it gives access
	 * @param accessUntil the end of the paid period of a cancelled subscription, or null
	 * @param overdueSince the first unpaid due date, or null
	 * @param changedAt when it changed
	 * @param version its change counter
	 */
	public record Change(long subscriptionId, long productId, long producerAccountId, long accountId,
			String subscriberCode, SubscriptionStatus status, boolean access, Instant accessUntil, Instant overdueSince,
			Instant changedAt, long version) {
	}

}
