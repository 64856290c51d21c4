package io.atrium.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Keeps every Flyway migration in one global order: versions are UTC timestamps
 * ({@code V20261206203000__module_what.sql}), so a module that adds a migration always
 * adds it after every migration already released, whichever module wrote those.
 * <p>
 * Releases up to 0.1 numbered migrations per module ({@code V2_1__accounts.sql},
 * {@code V9_1__club.sql}…). Before migrating, this strategy renames those versions in the
 * schema history of a database created by such a release to the timestamps their files
 * carry now; their contents, and so their checksums, are unchanged. The rename is one
 * transaction and does nothing on a new database or one already renamed.
 */
@Component
class MigrationOrder implements FlywayMigrationStrategy {

	/** Version of a release-0.1 migration → the version its file carries now. */
	static final Map<String, String> RENAMED = Map.of("1", "20261101000100", "2.1", "20261101000200", "3.1",
			"20261101000300", "4.1", "20261101000400", "5.1", "20261101000500", "6.1", "20261101000600", "6.2",
			"20261101000610", "8.1", "20261101000800", "9.1", "20261101000900");

	private static final Logger log = LoggerFactory.getLogger(MigrationOrder.class);

	@Override
	public void migrate(Flyway flyway) {
		renameLegacyVersions(flyway);
		flyway.migrate();
	}

	/**
	 * Renames the release-0.1 versions in the schema history, if there are any.
	 * @param flyway the configured Flyway
	 */
	static void renameLegacyVersions(Flyway flyway) {
		DataSource dataSource = flyway.getConfiguration().getDataSource();
		String table = flyway.getConfiguration().getTable();
		try (Connection connection = dataSource.getConnection()) {
			String configured = flyway.getConfiguration().getDefaultSchema();
			String schema = (configured != null && !configured.isBlank()) ? configured : connection.getSchema();
			if (!exists(connection, schema, table)) {
				return;
			}
			String history = (schema != null) ? schema + "." + table : table;
			Map<String, String> scripts = new LinkedHashMap<>();
			try (PreparedStatement select = connection.prepareStatement("SELECT version, script FROM " + history);
					ResultSet rows = select.executeQuery()) {
				while (rows.next()) {
					String version = rows.getString(1);
					if (version != null && RENAMED.containsKey(version)) {
						scripts.put(version, rows.getString(2));
					}
				}
			}
			if (scripts.isEmpty()) {
				return;
			}
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try (PreparedStatement update = connection
				.prepareStatement("UPDATE " + history + " SET version = ?, script = ? WHERE version = ?")) {
				for (Map.Entry<String, String> entry : scripts.entrySet()) {
					String version = RENAMED.get(entry.getKey());
					String script = entry.getValue();
					update.setString(1, version);
					update.setString(2, "V" + version + script.substring(script.indexOf("__")));
					update.setString(3, entry.getKey());
					update.executeUpdate();
				}
				connection.commit();
				log.info("Renamed {} release-0.1 migration versions in {} to their timestamps", scripts.size(),
						history);
			}
			catch (SQLException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(autoCommit);
			}
		}
		catch (SQLException ex) {
			throw new FlywayException("Could not rename the release-0.1 migration versions in " + table, ex);
		}
	}

	private static boolean exists(Connection connection, String schema, String table) throws SQLException {
		try (ResultSet tables = connection.getMetaData().getTables(null, schema, table, null)) {
			return tables.next();
		}
	}

}
