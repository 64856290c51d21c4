package io.atrium.webhooks.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.atrium.webhooks.DisabledReason;
import io.atrium.webhooks.EndpointStatus;
import io.atrium.webhooks.WebhookEndpoint;
import io.atrium.webhooks.WebhookEvent;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code webhook_endpoints} table. Deleted endpoints keep their row (their log stays
 * until it is purged) and are invisible to every method but {@link #findAny}.
 */
@Repository
public class EndpointRows {

	private static final String COLUMNS = "id, producer_account_id, url, description, events, product_ids, status, "
			+ "disabled_reason, disabled_at, secret_sealed, previous_secret_sealed, previous_secret_expires_at, "
			+ "failing_since, created_at, updated_at, deleted_at";

	private final JdbcClient jdbc;

	EndpointRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An endpoint with what only the module itself sees.
	 *
	 * @param endpoint the endpoint
	 * @param secretSealed its signing secret, sealed
	 * @param previousSecretSealed the secret before the last rotation, sealed, or null
	 * @param failingSince the first failed attempt since the last success, or null
	 * @param deleted whether the producer deleted it
	 */
	public record Stored(WebhookEndpoint endpoint, String secretSealed, String previousSecretSealed,
			Instant failingSince, boolean deleted) {
	}

	public long insert(long producer, String url, String description, Set<WebhookEvent> events, Set<Long> productIds,
			String secretSealed, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO webhook_endpoints (producer_account_id, url, description, events, product_ids, status,
				  secret_sealed, created_at, updated_at)
				VALUES (:producer, :url, :description, :events, :products, 'ACTIVE', :secret, :now, :now)
				""")
			.param("producer", producer)
			.param("url", url)
			.param("description", description)
			.param("events", events(events))
			.param("products", products(productIds))
			.param("secret", secretSealed)
			.param("now", Times.utc(now))
			.update(key, "id");
		return key.getKey().longValue();
	}

	public Optional<Stored> find(long producer, long id) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE id = ? AND producer_account_id = ? "
					+ "AND deleted_at IS NULL")
			.params(id, producer)
			.query(EndpointRows::stored)
			.optional();
	}

	/**
	 * @return the endpoint, even when deleted
	 */
	public Optional<Stored> findAny(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE id = ?")
			.param(id)
			.query(EndpointRows::stored)
			.optional();
	}

	/**
	 * @return the producer's endpoints, oldest first
	 */
	public List<Stored> ofProducer(long producer) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM webhook_endpoints WHERE producer_account_id = ? "
					+ "AND deleted_at IS NULL ORDER BY id")
			.param(producer)
			.query(EndpointRows::stored)
			.list();
	}

	/**
	 * @param event an event
	 * @return the producers with an endpoint (active or not) that wants it
	 */
	public Set<Long> producersWanting(WebhookEvent event) {
		return this.jdbc
			.sql("SELECT DISTINCT producer_account_id FROM webhook_endpoints WHERE deleted_at IS NULL "
					+ "AND ',' || events || ',' LIKE ?")
			.param("%," + event.name() + ",%")
			.query(Long.class)
			.set();
	}

	public void update(long id, String url, String description, Set<WebhookEvent> events, Set<Long> productIds,
			Instant now) {
		this.jdbc.sql("""
				UPDATE webhook_endpoints SET url = :url, description = :description, events = :events,
				  product_ids = :products, updated_at = :now
				WHERE id = :id
				""")
			.param("url", url)
			.param("description", description)
			.param("events", events(events))
			.param("products", products(productIds))
			.param("now", Times.utc(now))
			.param("id", id)
			.update();
	}

	/**
	 * Enables an endpoint (its failures are forgotten).
	 */
	public void enable(long id, Instant now) {
		this.jdbc
			.sql("UPDATE webhook_endpoints SET status = 'ACTIVE', disabled_reason = NULL, disabled_at = NULL, "
					+ "failing_since = NULL, updated_at = ? WHERE id = ?")
			.params(Times.utc(now), id)
			.update();
	}

	/**
	 * @return whether it was active until now
	 */
	public boolean disable(long id, DisabledReason reason, Instant now) {
		return this.jdbc
			.sql("UPDATE webhook_endpoints SET status = 'DISABLED', disabled_reason = ?, disabled_at = ?, "
					+ "updated_at = ? WHERE id = ? AND status = 'ACTIVE'")
			.params(reason.name(), Times.utc(now), Times.utc(now), id)
			.update() > 0;
	}

	public void rotate(long id, String secretSealed, String previousSealed, Instant previousExpiresAt, Instant now) {
		this.jdbc
			.sql("UPDATE webhook_endpoints SET secret_sealed = ?, previous_secret_sealed = ?, "
					+ "previous_secret_expires_at = ?, updated_at = ? WHERE id = ?")
			.params(secretSealed, previousSealed, Times.utc(previousExpiresAt), Times.utc(now), id)
			.update();
	}

	public void delete(long id, Instant now) {
		this.jdbc
			.sql("UPDATE webhook_endpoints SET deleted_at = ?, status = 'DISABLED', disabled_reason = 'PRODUCER', "
					+ "disabled_at = COALESCE(disabled_at, ?), updated_at = ? WHERE id = ?")
			.params(Times.utc(now), Times.utc(now), Times.utc(now), id)
			.update();
	}

	/**
	 * Notes a failed attempt.
	 * @return the first failed attempt since the last success
	 */
	public Instant failed(long id, Instant now) {
		this.jdbc.sql(
				"UPDATE webhook_endpoints SET failing_since = COALESCE(failing_since, CAST(? AS TIMESTAMP WITH TIME ZONE)) "
						+ "WHERE id = ?")
			.params(Times.utc(now), id)
			.update();
		return this.jdbc.sql("SELECT failing_since FROM webhook_endpoints WHERE id = ?")
			.param(id)
			.query((rs, n) -> Times.instant(rs, "failing_since"))
			.single();
	}

	/**
	 * Notes a successful attempt: the endpoint is no longer failing.
	 */
	public void succeeded(long id) {
		this.jdbc.sql("UPDATE webhook_endpoints SET failing_since = NULL WHERE id = ? AND failing_since IS NOT NULL")
			.param(id)
			.update();
	}

	/**
	 * Endpoints' deleted rows with no delivery left (their log was purged).
	 * @return how many were removed
	 */
	public int purgeDeleted() {
		return this.jdbc
			.sql("DELETE FROM webhook_endpoints WHERE deleted_at IS NOT NULL "
					+ "AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.endpoint_id = webhook_endpoints.id)")
			.update();
	}

	static String events(Collection<WebhookEvent> events) {
		return events.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	static String products(Collection<Long> ids) {
		return (ids == null || ids.isEmpty()) ? null
				: new TreeSet<>(ids).stream().map(String::valueOf).collect(Collectors.joining(","));
	}

	private static Stored stored(ResultSet rs, int row) throws SQLException {
		Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
		for (String name : rs.getString("events").split(",")) {
			if (!name.isBlank()) {
				events.add(WebhookEvent.valueOf(name));
			}
		}
		String products = rs.getString("product_ids");
		Set<Long> productIds = (products == null) ? Set.of()
				: Arrays.stream(products.split(",")).map(Long::valueOf).collect(Collectors.toUnmodifiableSet());
		String reason = rs.getString("disabled_reason");
		WebhookEndpoint endpoint = new WebhookEndpoint(rs.getLong("id"), rs.getLong("producer_account_id"),
				rs.getString("url"), rs.getString("description"), Set.copyOf(events), productIds,
				EndpointStatus.valueOf(rs.getString("status")),
				(reason != null) ? DisabledReason.valueOf(reason) : null, Times.instant(rs, "disabled_at"),
				Times.instant(rs, "previous_secret_expires_at"), Times.instant(rs, "created_at"),
				Times.instant(rs, "updated_at"));
		return new Stored(endpoint, rs.getString("secret_sealed"), rs.getString("previous_secret_sealed"),
				Times.instant(rs, "failing_since"), Times.instant(rs, "deleted_at") != null);
	}

}
