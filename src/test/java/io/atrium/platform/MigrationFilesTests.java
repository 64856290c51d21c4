package io.atrium.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every migration carries a UTC timestamp as its version
 * ({@code V20261206203000__module_what.sql}), so migrations written by different modules,
 * on different branches, still run in one global order; see docs/operations.md.
 */
class MigrationFilesTests {

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	@Test
	void everyMigrationIsVersionedByATimestamp() throws IOException {
		assertThat(files()).isNotEmpty().allSatisfy((name) -> assertThat(name).matches("V20\\d{12}__[a-z0-9_]+\\.sql"));
	}

	@Test
	void noTwoMigrationsShareAVersion() throws IOException {
		List<String> versions = files().stream().map((name) -> name.substring(1, name.indexOf("__"))).toList();
		assertThat(versions).doesNotHaveDuplicates();
	}

	@Test
	void everyRenamedReleaseVersionHasItsFile() throws IOException {
		List<String> versions = files().stream().map((name) -> name.substring(1, name.indexOf("__"))).toList();
		assertThat(versions).containsAll(MigrationOrder.RENAMED.values());
	}

	private static List<String> files() throws IOException {
		try (Stream<Path> paths = Files.list(MIGRATIONS)) {
			return paths.map((p) -> p.getFileName().toString()).sorted().toList();
		}
	}

}
