package io.atrium.media;

import java.awt.Color;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The S3 store against a real S3-compatible server: Adobe's S3Mock, started here as its
 * own process from the jar Maven copies to {@code target/s3mock} before the integration
 * tests.
 */
class S3BlobStoreIntegrationTests {

	private static final String BUCKET = "atrium-media";

	private static Process server;

	private static int port;

	private static Path root;

	@BeforeAll
	static void startS3Mock() throws Exception {
		File jar = new File("target/s3mock/s3mock-exec.jar");
		assertThat(jar).as("S3Mock, copied by the maven-dependency-plugin in pre-integration-test").exists();
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		int https;
		try (ServerSocket socket = new ServerSocket(0)) {
			https = socket.getLocalPort();
		}
		root = Files.createTempDirectory("s3mock");
		String java = ProcessHandle.current().info().command().orElse("java");
		server = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.getAbsolutePath(),
				"--com.adobe.testing.s3mock.httpPort=" + port, "--server.port=" + https, "--server.address=127.0.0.1",
				"--com.adobe.testing.s3mock.store.initialBuckets=" + BUCKET,
				"--com.adobe.testing.s3mock.store.root=" + root, "--logging.level.root=WARN")
			.redirectErrorStream(true)
			.redirectOutput(root.resolve("s3mock.log").toFile())
			.start();
		Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
		while (bucketStatus() != 200) {
			assertThat(server.isAlive()).as("S3Mock is running (log in " + root + ")").isTrue();
			assertThat(Instant.now()).as("S3Mock answers within 4 minutes").isBefore(deadline);
			Thread.sleep(500);
		}
	}

	@AfterAll
	static void stopS3Mock() throws Exception {
		if (server != null) {
			server.destroy();
			server.waitFor();
		}
	}

	@Test
	void variantsAreWrittenReadAndDeletedInTheBucket() throws Exception {
		BlobStore store = new S3Settings("http://127.0.0.1:" + port, BUCKET, "us-east-1", "access", "secret", true,
				"atrium/")
			.store();
		byte[] png = TestImages.png(64, 32, Color.CYAN);
		String name = "0123456789abcdef0123456789abcdef/logo.png";
		store.put(1L, name, "image/png", png);

		assertThat(store.get(name)).hasValueSatisfying((bytes) -> assertThat(bytes).isEqualTo(png));
		HttpResponse<byte[]> object = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + BUCKET + "/atrium/" + name))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(object.statusCode()).isEqualTo(200);
		assertThat(object.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(object.body()).isEqualTo(png);

		assertThat(store.get("0123456789abcdef0123456789abcdef/missing.png")).isEmpty();
		store.delete(name);
		assertThat(store.get(name)).isEmpty();
	}

	@Test
	void afterSwitchingToS3WhatTheDatabaseHeldIsStillRead() {
		BlobStore s3 = new S3Settings("http://127.0.0.1:" + port, BUCKET, "us-east-1", "access", "secret", true, "")
			.store();
		InMemoryStore database = new InMemoryStore();
		database.put(1L, "old/cover-1200.jpg", "image/jpeg", new byte[] { 1, 2, 3 });
		BlobStore both = new FallbackBlobStore(s3, database);
		both.put(1L, "new/cover-1200.jpg", "image/jpeg", new byte[] { 4, 5 });
		assertThat(both.get("old/cover-1200.jpg")).hasValueSatisfying((b) -> assertThat(b).containsExactly(1, 2, 3));
		assertThat(s3.get("new/cover-1200.jpg")).hasValueSatisfying((b) -> assertThat(b).containsExactly(4, 5));
		assertThat(database.get("new/cover-1200.jpg")).isEmpty();
	}

	@Test
	void missingSettingsAreNamed() {
		assertThatThrownBy(() -> new S3Settings(null, "", "us-east-1", "a", "b", true, null).store())
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("atrium.media.s3.bucket");
	}

	private static int bucketStatus() {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + BUCKET))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	/** A store in a map, standing in for the database. */
	static final class InMemoryStore implements BlobStore {

		private final java.util.Map<String, byte[]> blobs = new java.util.HashMap<>();

		@Override
		public void put(long producerAccountId, String name, String contentType, byte[] bytes) {
			this.blobs.put(name, bytes);
		}

		@Override
		public java.util.Optional<byte[]> get(String name) {
			return java.util.Optional.ofNullable(this.blobs.get(name));
		}

		@Override
		public void delete(String name) {
			this.blobs.remove(name);
		}

	}

}
