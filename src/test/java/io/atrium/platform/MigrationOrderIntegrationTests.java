package io.atrium.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;
import io.atrium.support.TestDatabase;
import io.atrium.support.TestDatabase.FreshDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database created by release 0.1 migrates cleanly to the current schema. Release 0.1's
 * migrations are today's first nine files, unchanged, under their old per-module versions
 * ({@link MigrationOrder#RENAMED}); the test lays them out under those names and migrates
 * with them first. The current schema numbers its migrations in one global order; a new
 * database migrates the same way. Runs on H2 and, in the PostgreSQL pass, on a fresh
 * PostgreSQL schema.
 */
class MigrationOrderIntegrationTests {

	// one pool per test: H2 evaluates a check constraint in the session that created it,
	// so
	// that connection must stay open
	private HikariDataSource dataSource;

	@TempDir
	Path release;

	@AfterEach
	void close() {
		if (this.dataSource != null) {
			this.dataSource.close();
		}
	}

	@Test
	void databaseOfRelease01MigratesToTheCurrentSchemaAndKeepsItsData() throws Exception {
		FreshDatabase database = TestDatabase.fresh();
		flyway(database, "filesystem:" + release01(this.release)).migrate();
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement insert = connection.prepareStatement(
						"INSERT INTO accounts (email, name, locale, status, created_at) VALUES (?, ?, ?, ?, ?)")) {
			insert.setString(1, "kept@example.test");
			insert.setString(2, "Kept");
			insert.setString(3, "en");
			insert.setString(4, "ACTIVE");
			insert.setObject(5, OffsetDateTime.now());
			insert.executeUpdate();
		}

		Flyway current = flyway(database, "classpath:db/migration");
		new MigrationOrder().migrate(current);

		current.validate();
		assertEverythingApplied(current);
		assertThat(Arrays.stream(current.info().applied()).map((m) -> m.getVersion().getVersion()))
			.containsAll(MigrationOrder.RENAMED.values())
			.doesNotContainAnyElementsOf(MigrationOrder.RENAMED.keySet());
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT name FROM accounts WHERE email = 'kept@example.test'")) {
			assertThat(rows.next()).isTrue();
			assertThat(rows.getString(1)).isEqualTo("Kept");
		}

		// a second start renames nothing and migrates nothing
		new MigrationOrder().migrate(current);
		assertEverythingApplied(current);
	}

	@Test
	void newDatabaseMigratesInOneGlobalOrder() throws Exception {
		FreshDatabase database = TestDatabase.fresh();
		Flyway current = flyway(database, "classpath:db/migration");
		new MigrationOrder().migrate(current);
		current.validate();
		assertEverythingApplied(current);
		List<String> versions = Arrays.stream(current.info().applied())
			.map((m) -> m.getVersion().getVersion())
			.toList();
		assertThat(versions).allMatch((v) -> v.matches("\\d{14}"));
	}

	/**
	 * Copies the migrations release 0.1 had into the folder under the names it gave them
	 * ({@code V2_1__accounts.sql} for today's {@code V20261101000200__accounts.sql}).
	 */
	private static Path release01(Path folder) throws IOException {
		Map<String, String> oldVersions = new HashMap<>();
		MigrationOrder.RENAMED.forEach((old, current) -> oldVersions.put(current, old));
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
			for (Path file : files.toList()) {
				String name = file.getFileName().toString();
				String old = oldVersions.get(name.substring(1, name.indexOf("__")));
				if (old != null) {
					Files.copy(file, folder.resolve("V" + old.replace('.', '_') + name.substring(name.indexOf("__"))));
				}
			}
		}
		return folder;
	}

	private static void assertEverythingApplied(Flyway flyway) {
		MigrationInfo[] all = flyway.info().all();
		assertThat(all).isNotEmpty();
		assertThat(all).allSatisfy((m) -> assertThat(m.getState()).as(m.getScript()).isEqualTo(MigrationState.SUCCESS));
	}

	private Flyway flyway(FreshDatabase database, String location) {
		if (this.dataSource == null) {
			this.dataSource = new HikariDataSource();
			this.dataSource.setJdbcUrl(database.url());
			this.dataSource.setMaximumPoolSize(3);
		}
		var configuration = Flyway.configure().dataSource(this.dataSource).locations(location);
		if (database.schema() != null) {
			configuration.defaultSchema(database.schema()).schemas(database.schema());
		}
		return configuration.load();
	}

}
