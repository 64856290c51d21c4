package io.atrium.platform;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The path past one PostgreSQL primary (docs/scaling.md) checked against the migrated
 * schema: a table holding a producer's business carries {@code producer_account_id}, so
 * it can be distributed (Citus) or partitioned by producer. Every other table is listed
 * here by name with the reason it is global (no producer's business in it). A new table
 * must either have the column or be added to that list, on purpose: a child table carries
 * its parent's producer too, never only a way to it through the parent.
 */
class TenantTablesTests {

	static final String PRODUCER_KEY = "producer_account_id";

	/** Tables with no producer's business in them, with why. */
	static final Map<String, String> GLOBAL = Map.ofEntries(
			Map.entry("accounts", "people: one account buys from many producers (a reference table)"),
			Map.entry("account_tokens", "a person's activation and password-reset tokens"),
			Map.entry("helpdesk_requests", "requests to the platform's own help desk"),
			Map.entry("producer_time_zones", "keyed by account_id, which is the producer's own account"),
			Map.entry("api_rate_windows", "rate-limit buckets, keyed by credential or client address"),
			Map.entry("attempt_counters", "log-in and form attempt limits per address"),
			Map.entry("mail_outbox", "infrastructure: e-mails to send, by recipient"),
			Map.entry("event_publication", "infrastructure: Spring Modulith's event publication registry"),
			Map.entry("scheduled_tasks", "infrastructure: db-scheduler's executions"),
			Map.entry("spring_session", "infrastructure: sessions"),
			Map.entry("spring_session_attributes", "infrastructure: sessions"),
			Map.entry("platform_secrets", "infrastructure: the platform's generated keys"),
			Map.entry("webhook_state", "infrastructure: the webhook module's single-row state"),
			Map.entry("sandbox_charges", "the sandbox gateway's own side (a real processor is elsewhere)"),
			Map.entry("sandbox_payment_methods", "the sandbox gateway's own vault"),
			Map.entry("flyway_schema_history", "infrastructure: migrations"));

	static Map<String, Set<String>> columns = new HashMap<>();

	/** The tables whose producer column accepts NULL. */
	static Set<String> nullableKey = new TreeSet<>();

	@BeforeAll
	static void migrate() {
		SingleConnectionDataSource h2 = new SingleConnectionDataSource(
				"jdbc:h2:mem:tenants_" + UUID.randomUUID().toString().replace("-", "")
						+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"sa", "", true);
		try {
			Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
			JdbcClient.create(h2)
				.sql("SELECT c.table_name, c.column_name FROM information_schema.columns c "
						+ "JOIN information_schema.tables t ON t.table_schema = c.table_schema "
						+ "AND t.table_name = c.table_name WHERE c.table_schema = 'public' "
						+ "AND t.table_type = 'BASE TABLE'")
				.query((rs) -> {
					columns.computeIfAbsent(rs.getString(1).toLowerCase(), (k) -> new HashSet<>())
						.add(rs.getString(2).toLowerCase());
				});
			nullableKey.addAll(JdbcClient.create(h2)
				.sql("SELECT LOWER(table_name) FROM information_schema.columns WHERE table_schema = 'public' "
						+ "AND LOWER(column_name) = ? AND is_nullable = 'YES'")
				.param(PRODUCER_KEY)
				.query(String.class)
				.list());
		}
		finally {
			h2.destroy();
		}
	}

	@Test
	void everyTableIsKeyedByProducerOrListedWithItsReason() {
		Set<String> unclassified = new TreeSet<>();
		for (Map.Entry<String, Set<String>> table : columns.entrySet()) {
			if (!table.getValue().contains(PRODUCER_KEY) && !GLOBAL.containsKey(table.getKey())) {
				unclassified.add(table.getKey());
			}
		}
		assertThat(unclassified)
			.as("tables without %s that are not global (add the column, set it on every insert, or list "
					+ "the table as global in TenantTablesTests and docs/scaling.md)", PRODUCER_KEY)
			.isEmpty();
	}

	@Test
	void everyRowNamesItsProducer() {
		assertThat(nullableKey).as("tables whose %s may be NULL", PRODUCER_KEY).isEmpty();
	}

	@Test
	void theGlobalTablesAreRealAndHoldNoProducerKey() {
		for (String table : List.copyOf(GLOBAL.keySet())) {
			assertThat(columns).as("global table %s exists", table).containsKey(table);
			assertThat(columns.get(table)).as("global table %s has %s: take it off the list", table, PRODUCER_KEY)
				.doesNotContain(PRODUCER_KEY);
		}
	}

}
