package io.atrium.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.atrium.support.AtriumIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps a snapshot of the OpenAPI description of {@code /api/v1}, so that every change to
 * the public API shows up in review. After an intended change, regenerate it with
 * {@code ./mvnw verify -Dit.test=OpenApiSnapshotIntegrationTests -Datrium.openapi.update=true}
 * and commit {@value #SNAPSHOT}.
 */
@AtriumIntegrationTest
@AutoConfigureTestRestTemplate
class OpenApiSnapshotIntegrationTests {

	static final String SNAPSHOT = "src/test/resources/openapi/atrium-v1.json";

	@Autowired
	TestRestTemplate http;

	@Test
	void theApiDescriptionMatchesTheSnapshot() throws IOException {
		ResponseEntity<String> response = this.http.getForEntity("/v3/api-docs", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonMapper mapper = JsonMapper.builder()
			.enable(SerializationFeature.INDENT_OUTPUT)
			.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
			.build();
		JsonNode actual = mapper.readTree(response.getBody());
		String pretty = mapper.writeValueAsString(mapper.treeToValue(actual, Object.class)) + "\n";
		Path snapshot = Path.of(SNAPSHOT);
		if (Boolean.getBoolean("atrium.openapi.update")) {
			Files.createDirectories(snapshot.getParent());
			Files.writeString(snapshot, pretty, StandardCharsets.UTF_8);
		}
		assertThat(snapshot).as("missing " + SNAPSHOT + "; create it with -Datrium.openapi.update=true").exists();
		String expected = Files.readString(snapshot, StandardCharsets.UTF_8);
		assertThat(pretty).as("""
				The OpenAPI description of /api/v1 changed. If the change is intended, regenerate the snapshot:
				  ./mvnw verify -Dit.test=OpenApiSnapshotIntegrationTests -Datrium.openapi.update=true
				and commit %s.""".formatted(SNAPSHOT)).isEqualTo(expected);
		assertThat(actual.path("components").path("securitySchemes").path("bearer").path("scheme").asString())
			.isEqualTo("bearer");
		assertThat(actual.path("paths").has("/api/v1/credentials")).isTrue();
	}

}
