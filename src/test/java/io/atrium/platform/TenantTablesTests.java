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
 * here by name with the reason: global tables (no producer's data), and the tenant tables
 * that still reach their producer through a parent row, each a known step of that path. A
 * new table must either have the column or be added to a list, on purpose.
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

	/**
	 * Tenant tables without the producer column yet: they reach their producer through
	 * the parent named. Distributing by producer first adds the column (backfilled from
	 * the parent) and makes it part of their keys; until then they stay on one primary.
	 */
	static final Map<String, String> THROUGH_PARENT = Map.ofEntries(Map.entry("api_access_tokens", "api_credentials"),
			Map.entry("catalog_offers", "catalog_products"), Map.entry("catalog_coupons", "catalog_products"),
			Map.entry("catalog_coupon_offers", "catalog_coupons"), Map.entry("checkout_purchase_mails", "purchases"),
			Map.entry("purchase_status_history", "purchases"), Map.entry("club_groups", "club_products"),
			Map.entry("club_modules", "club_products"), Map.entry("club_pages", "club_modules"),
			Map.entry("club_page_files", "club_pages"), Map.entry("club_rules", "club_groups"),
			Map.entry("club_comments", "club_pages"), Map.entry("club_progress", "club_enrollments"),
			Map.entry("club_module_completions", "club_enrollments"), Map.entry("club_ended_purchases", "purchases"),
			Map.entry("club_import_rows", "club_imports"), Map.entry("club_subscription_rights", "subscriptions"),
			Map.entry("subscription_history", "subscriptions"), Map.entry("subscription_mails", "subscriptions"),
			Map.entry("subscription_negotiations", "subscriptions"),
			Map.entry("subscription_reminders", "subscriptions"), Map.entry("webhook_attempts", "webhook_deliveries"),
			Map.entry("club_last_pages", "club_enrollments"), Map.entry("club_page_attachments", "club_pages"),
			Map.entry("media_variants", "media_images"), Map.entry("media_blobs", "media_variants"));

	static Map<String, Set<String>> columns = new HashMap<>();

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
		}
		finally {
			h2.destroy();
		}
	}

	@Test
	void everyTableIsKeyedByProducerOrListedWithItsReason() {
		Set<String> unclassified = new TreeSet<>();
		for (Map.Entry<String, Set<String>> table : columns.entrySet()) {
			if (!table.getValue().contains(PRODUCER_KEY) && !GLOBAL.containsKey(table.getKey())
					&& !THROUGH_PARENT.containsKey(table.getKey())) {
				unclassified.add(table.getKey());
			}
		}
		assertThat(unclassified)
			.as("tables without %s that are neither global nor listed as reaching their "
					+ "producer through a parent (add the column, or list the table in TenantTablesTests and "
					+ "docs/scaling.md)", PRODUCER_KEY)
			.isEmpty();
	}

	@Test
	void theListsNameRealTablesAndEveryParentIsKeyedOrListed() {
		for (String table : List.copyOf(GLOBAL.keySet())) {
			assertThat(columns).as("global table %s exists", table).containsKey(table);
		}
		for (Map.Entry<String, String> child : THROUGH_PARENT.entrySet()) {
			assertThat(columns).as("table %s exists", child.getKey()).containsKey(child.getKey());
			assertThat(columns.get(child.getKey())).as("%s got %s: take it off the list", child.getKey(), PRODUCER_KEY)
				.doesNotContain(PRODUCER_KEY);
			String parent = child.getValue();
			assertThat(columns.get(parent) != null
					&& (columns.get(parent).contains(PRODUCER_KEY) || THROUGH_PARENT.containsKey(parent)))
				.as("the parent %s of %s reaches a producer", parent, child.getKey())
				.isTrue();
		}
	}

}
