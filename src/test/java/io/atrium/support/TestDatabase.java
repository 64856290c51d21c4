package io.atrium.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points each test application context at a fresh database: an in-memory H2 database in
 * PostgreSQL mode by default, or a new schema in the PostgreSQL database named by
 * {@code ATRIUM_TEST_POSTGRES_URL} when the system property {@code atrium.test.db} is
 * {@code postgres}. Schemas older than a day are dropped when a new one is made. Also
 * points e-mail at the test SMTP server, unless the test's own properties set
 * {@code spring.mail.*}.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final String SCHEMA_PREFIX = "atrium_test_";

	/** The database this test run uses: {@code h2} or {@code postgres}. */
	public static String kind() {
		return System.getProperty("atrium.test.db", "h2");
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = new HashMap<>();
		String name = SCHEMA_PREFIX + Instant.now().getEpochSecond() + "_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		if ("postgres".equals(kind())) {
			String url = System.getenv("ATRIUM_TEST_POSTGRES_URL");
			if (url == null || url.isBlank()) {
				throw new IllegalStateException("atrium.test.db=postgres needs ATRIUM_TEST_POSTGRES_URL, "
						+ "for example jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
			}
			createSchema(url, name);
			properties.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name);
			properties.put("spring.datasource.username", "");
			properties.put("spring.datasource.password", "");
			properties.put("spring.flyway.default-schema", name);
		}
		else {
			properties.put("spring.datasource.url", "jdbc:h2:mem:" + name
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		}
		MutablePropertySources sources = context.getEnvironment().getPropertySources();
		sources.addFirst(new MapPropertySource("atrium-test-database", properties));
		Map<String, Object> pool = new HashMap<>();
		if ("postgres".equals(kind())) {
			// several application contexts stay cached during a run; keep each one's pool
			// small (unless the test sets its own, as the concurrency tests do)
			pool.put("spring.datasource.hikari.maximum-pool-size", "4");
			pool.put("spring.datasource.hikari.minimum-idle", "1");
		}
		Map<String, Object> mail = new HashMap<>();
		mail.put("spring.mail.host", "127.0.0.1");
		mail.put("spring.mail.port", TestMail.smtpPort());
		mail.put("atrium.mail.from", "Atrium <no-reply@atrium.test>");
		// below a test's own properties, so a test can point mail elsewhere (or nowhere)
		MapPropertySource mailSource = new MapPropertySource("atrium-test-mail", mail);
		MapPropertySource poolSource = new MapPropertySource("atrium-test-pool", pool);
		if (sources.contains(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME)) {
			sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, mailSource);
			sources.addAfter(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, poolSource);
		}
		else {
			sources.addFirst(mailSource);
			sources.addFirst(poolSource);
		}
	}

	/**
	 * A fresh, empty database outside any application context, for tests that drive
	 * Flyway themselves: a new in-memory H2 database, or a new schema on PostgreSQL.
	 * @return the JDBC URL and the schema Flyway should use ({@code null} on H2)
	 */
	public static FreshDatabase fresh() {
		String name = SCHEMA_PREFIX + Instant.now().getEpochSecond() + "_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		if ("postgres".equals(kind())) {
			String url = System.getenv("ATRIUM_TEST_POSTGRES_URL");
			createSchema(url, name);
			return new FreshDatabase(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name, name);
		}
		return new FreshDatabase("jdbc:h2:mem:" + name
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", null);
	}

	/**
	 * A database made by {@link #fresh()}.
	 *
	 * @param url its JDBC URL
	 * @param schema the schema to use, or {@code null} for the default one
	 */
	public record FreshDatabase(String url, String schema) {
	}

	/**
	 * Creates the schema. Schemas are named {@code atrium_test_<epoch seconds>_<random>};
	 * those older than a day are left by earlier runs and dropped here (not at exit: at
	 * exit the application contexts may still be using them).
	 */
	private static void createSchema(String url, String schema) {
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			List<String> stale = new ArrayList<>();
			long dayAgo = Instant.now().minus(Duration.ofDays(1)).getEpochSecond();
			try (ResultSet rs = statement
				.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE '" + SCHEMA_PREFIX + "%'")) {
				while (rs.next()) {
					String[] parts = rs.getString(1).substring(SCHEMA_PREFIX.length()).split("_");
					if (parts.length == 2 && parts[0].matches("\\d+") && Long.parseLong(parts[0]) < dayAgo) {
						stale.add(rs.getString(1));
					}
				}
			}
			for (String old : stale) {
				statement.execute("DROP SCHEMA IF EXISTS " + old + " CASCADE");
			}
			statement.execute("CREATE SCHEMA " + schema);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the test schema on " + url, ex);
		}
	}

}
