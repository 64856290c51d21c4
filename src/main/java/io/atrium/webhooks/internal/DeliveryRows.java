package io.atrium.webhooks.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.atrium.webhooks.DeliveryAttempt;
import io.atrium.webhooks.DeliveryFilter;
import io.atrium.webhooks.DeliveryStatus;
import io.atrium.webhooks.WebhookDelivery;
import io.atrium.webhooks.WebhookEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code webhook_deliveries} and {@code webhook_attempts} tables. A delivery is
 * claimed by one dispatcher at a time ({@code claimed_by} until {@code claimed_until}):
 * every claim and every outcome is a conditional update, so two instances never post the
 * same attempt.
 */
@Repository
public class DeliveryRows {

	private static final String COLUMNS = "id, event_id, endpoint_id, producer_account_id, event_name, "
			+ "transaction_code, payload, test, status, attempts, next_attempt_at, last_status_code, last_error, "
			+ "last_attempt_at, delivered_at, created_at";

	private final JdbcClient jdbc;

	DeliveryRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A delivery due now.
	 *
	 * @param id the delivery
	 * @param endpointId its endpoint
	 */
	public record Due(long id, long endpointId) {
	}

	/**
	 * A new delivery.
	 *
	 * @param eventId the event's id
	 * @param endpointId the endpoint
	 * @param producer the producer
	 * @param event the event
	 * @param transaction the purchase's transaction code, or null
	 * @param payload the JSON body
	 * @param test whether it is a test event
	 * @param status PENDING, or FAILED for a disabled endpoint
	 * @param lastError why it is FAILED at once, or null
	 * @param createdAt when the event happened
	 */
	public record NewDelivery(String eventId, long endpointId, long producer, WebhookEvent event, String transaction,
			String payload, boolean test, DeliveryStatus status, String lastError, Instant createdAt) {
	}

	public boolean exists(String eventId, long endpointId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM webhook_deliveries WHERE event_id = ? AND endpoint_id = ?")
			.params(eventId, endpointId)
			.query(Long.class)
			.single() > 0;
	}

	public boolean existsEvent(String eventId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM webhook_deliveries WHERE event_id = ?")
			.param(eventId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * @param d the delivery, due at once when PENDING
	 * @return its id
	 * @throws org.springframework.dao.DuplicateKeyException when the event has a delivery
	 * for that endpoint already
	 */
	public long insert(NewDelivery d) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO webhook_deliveries (event_id, endpoint_id, producer_account_id, event_name,
				  transaction_code, payload, test, status, attempts, next_attempt_at, last_error, created_at)
				VALUES (:event, :endpoint, :producer, :name, :tx, :payload, :test, :status, 0, :next, :error, :at)
				""")
			.param("event", d.eventId())
			.param("endpoint", d.endpointId())
			.param("producer", d.producer())
			.param("name", d.event().name())
			.param("tx", d.transaction())
			.param("payload", d.payload())
			.param("test", d.test())
			.param("status", d.status().name())
			.param("next", (d.status() == DeliveryStatus.PENDING) ? Times.utc(d.createdAt()) : null)
			.param("error", d.lastError())
			.param("at", Times.utc(d.createdAt()))
			.update(key, "id");
		return key.getKey().longValue();
	}

	/**
	 * @param now the time
	 * @param limit how many at most
	 * @return deliveries of active endpoints due by then and not claimed, the longest
	 * waiting first
	 */
	public List<Due> due(Instant now, int limit) {
		return this.jdbc.sql("""
				SELECT d.id, d.endpoint_id FROM webhook_deliveries d
				JOIN webhook_endpoints e ON e.id = d.endpoint_id
				WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now
				  AND (d.claimed_until IS NULL OR d.claimed_until < :now) AND e.status = 'ACTIVE'
				ORDER BY d.next_attempt_at, d.id LIMIT :limit
				""")
			.param("now", Times.utc(now))
			.param("limit", limit)
			.query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2)))
			.list();
	}

	/**
	 * @param endpointId an endpoint
	 * @param now the time
	 * @param limit the most to return
	 * @return the endpoint's deliveries due now and not claimed, the oldest first
	 */
	public List<Long> dueOf(long endpointId, Instant now, int limit) {
		return this.jdbc.sql("""
				SELECT id FROM webhook_deliveries
				WHERE endpoint_id = :endpoint AND status = 'PENDING' AND next_attempt_at <= :now
				  AND (claimed_until IS NULL OR claimed_until < :now)
				ORDER BY next_attempt_at, id LIMIT :limit
				""")
			.param("endpoint", endpointId)
			.param("now", Times.utc(now))
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/**
	 * @param now the time
	 * @return how many deliveries of each endpoint are claimed now (being posted)
	 */
	public Map<Long, Integer> inFlight(Instant now) {
		Map<Long, Integer> counts = new HashMap<>();
		this.jdbc
			.sql("SELECT endpoint_id, COUNT(*) FROM webhook_deliveries WHERE status = 'PENDING' "
					+ "AND claimed_until >= ? GROUP BY endpoint_id")
			.param(Times.utc(now))
			.query((rs) -> {
				counts.put(rs.getLong(1), rs.getInt(2));
			});
		return counts;
	}

	/**
	 * Claims a due delivery.
	 * @return whether this owner holds it now
	 */
	public boolean claim(long id, String owner, Instant until, Instant now) {
		return this.jdbc.sql("""
				UPDATE webhook_deliveries SET claimed_by = :owner, claimed_until = :until
				WHERE id = :id AND status = 'PENDING' AND next_attempt_at <= :now
				  AND (claimed_until IS NULL OR claimed_until < :now)
				""")
			.param("owner", owner)
			.param("until", Times.utc(until))
			.param("id", id)
			.param("now", Times.utc(now))
			.update() > 0;
	}

	/**
	 * Gives a claim back without an attempt.
	 */
	public void release(long id, String owner) {
		this.jdbc
			.sql("UPDATE webhook_deliveries SET claimed_by = NULL, claimed_until = NULL "
					+ "WHERE id = ? AND claimed_by = ?")
			.params(id, owner)
			.update();
	}

	public Optional<WebhookDelivery> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE id = ?")
			.param(id)
			.query(DeliveryRows::delivery)
			.optional();
	}

	public Optional<WebhookDelivery> find(long producer, long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE id = ? AND producer_account_id = ?")
			.params(id, producer)
			.query(DeliveryRows::delivery)
			.optional();
	}

	/**
	 * Records an attempt and its outcome, if this owner still holds the claim.
	 * @return whether the outcome was recorded (false: the claim was lost)
	 */
	public boolean finish(long id, String owner, DeliveryStatus status, int attempts, Instant nextAttemptAt,
			Integer statusCode, String error, Instant at) {
		return this.jdbc.sql("""
				UPDATE webhook_deliveries SET status = :status, attempts = :attempts, next_attempt_at = :next,
				  last_status_code = :code, last_error = :error, last_attempt_at = :at,
				  delivered_at = CASE WHEN :status = 'DELIVERED' THEN CAST(:at AS TIMESTAMP WITH TIME ZONE)
				    ELSE delivered_at END,
				  claimed_by = NULL, claimed_until = NULL
				WHERE id = :id AND claimed_by = :owner
				""")
			.param("status", status.name())
			.param("attempts", attempts)
			.param("next", Times.utc(nextAttemptAt))
			.param("code", statusCode)
			.param("error", error)
			.param("at", Times.utc(at))
			.param("id", id)
			.param("owner", owner)
			.update() > 0;
	}

	public void insertAttempt(long deliveryId, long producerAccountId, Instant at, Integer statusCode,
			long latencyMillis, String body, String error) {
		this.jdbc.sql("""
				INSERT INTO webhook_attempts (delivery_id, producer_account_id, attempted_at, status_code, latency_ms,
				  response_body, error)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				""")
			.params(deliveryId, producerAccountId, Times.utc(at), statusCode, latencyMillis, body, error)
			.update();
	}

	public List<DeliveryAttempt> attempts(long deliveryId) {
		return this.jdbc
			.sql("SELECT id, attempted_at, status_code, latency_ms, response_body, error FROM webhook_attempts "
					+ "WHERE delivery_id = ? ORDER BY id")
			.param(deliveryId)
			.query((rs, n) -> new DeliveryAttempt(rs.getLong("id"), Times.instant(rs, "attempted_at"),
					rs.getObject("status_code", Integer.class), rs.getLong("latency_ms"), rs.getString("response_body"),
					rs.getString("error")))
			.list();
	}

	/**
	 * Marks the pending deliveries of an endpoint FAILED (it was disabled).
	 */
	public int failPending(long endpointId, String error) {
		return this.jdbc
			.sql("UPDATE webhook_deliveries SET status = 'FAILED', next_attempt_at = NULL, last_error = ?, "
					+ "claimed_by = NULL, claimed_until = NULL WHERE endpoint_id = ? AND status = 'PENDING'")
			.params(error, endpointId)
			.update();
	}

	/**
	 * The producer's deliveries matching the filter, newest first.
	 * @param beforeId only ids below this (a cursor), or null
	 */
	public List<WebhookDelivery> page(long producer, DeliveryFilter filter, Long beforeId, int limit) {
		StringBuilder sql = new StringBuilder(
				"SELECT " + COLUMNS + " FROM webhook_deliveries WHERE producer_account_id = :producer");
		Map<String, Object> params = new HashMap<>();
		params.put("producer", producer);
		if (filter.endpointId() != null) {
			sql.append(" AND endpoint_id = :endpoint");
			params.put("endpoint", filter.endpointId());
		}
		if (filter.event() != null) {
			sql.append(" AND event_name = :event");
			params.put("event", filter.event().name());
		}
		if (filter.status() != null) {
			sql.append(" AND status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.transaction() != null) {
			sql.append(" AND transaction_code = :tx");
			params.put("tx", filter.transaction());
		}
		if (beforeId != null) {
			sql.append(" AND id < :before");
			params.put("before", beforeId);
		}
		sql.append(" ORDER BY id DESC LIMIT :limit");
		params.put("limit", limit);
		return this.jdbc.sql(sql.toString()).params(params).query(DeliveryRows::delivery).list();
	}

	/**
	 * Schedules deliveries again from the start of the retry schedule, with the same
	 * event ids (those being posted now are left alone).
	 * @return how many
	 */
	public int resend(long producer, Collection<Long> ids, Instant now) {
		if (ids.isEmpty()) {
			return 0;
		}
		return this.jdbc.sql("""
				UPDATE webhook_deliveries SET status = 'PENDING', attempts = 0, next_attempt_at = :now
				WHERE producer_account_id = :producer AND id IN (:ids)
				  AND (claimed_until IS NULL OR claimed_until < :now)
				  AND endpoint_id IN (SELECT e.id FROM webhook_endpoints e WHERE e.deleted_at IS NULL)
				""").param("now", Times.utc(now)).param("producer", producer).param("ids", ids).update();
	}

	/**
	 * Schedules again every FAILED delivery of an endpoint made since a time.
	 * @return how many
	 */
	public int replay(long producer, long endpointId, Instant since, Instant now) {
		return this.jdbc.sql("""
				UPDATE webhook_deliveries SET status = 'PENDING', attempts = 0, next_attempt_at = :now
				WHERE producer_account_id = :producer AND endpoint_id = :endpoint AND created_at >= :since
				  AND status = 'FAILED'
				""")
			.param("now", Times.utc(now))
			.param("producer", producer)
			.param("endpoint", endpointId)
			.param("since", Times.utc(since))
			.update();
	}

	/**
	 * Deletes deliveries (and their attempts) made before a time.
	 * @return how many deliveries
	 */
	public int purge(Instant before) {
		this.jdbc
			.sql("DELETE FROM webhook_attempts WHERE delivery_id IN "
					+ "(SELECT id FROM webhook_deliveries WHERE created_at < ? AND status <> 'PENDING')")
			.param(Times.utc(before))
			.update();
		return this.jdbc.sql("DELETE FROM webhook_deliveries WHERE created_at < ? AND status <> 'PENDING'")
			.param(Times.utc(before))
			.update();
	}

	private static WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
		return new WebhookDelivery(rs.getLong("id"), rs.getString("event_id"), rs.getLong("endpoint_id"),
				WebhookEvent.valueOf(rs.getString("event_name")), rs.getString("transaction_code"),
				DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
				Times.instant(rs, "next_attempt_at"), rs.getObject("last_status_code", Integer.class),
				rs.getString("last_error"), Times.instant(rs, "last_attempt_at"), Times.instant(rs, "delivered_at"),
				Times.instant(rs, "created_at"), rs.getBoolean("test"), rs.getString("payload"));
	}

}
