package io.atrium.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real Atrium JVM started from the packaged jar ({@code target/atrium-*.jar}, built by
 * the {@code package} phase before failsafe runs), on a port of its own, its output in
 * {@code target/crash-logs/<name>.log}. {@link #kill()} ends it with SIGKILL (on Linux
 * {@link Process#destroyForcibly()} sends SIGKILL): no shutdown hook, no graceful
 * shutdown, as a crashed machine.
 */
public final class AtriumProcess {

	private final String name;

	private final int port;

	private final Process process;

	private final Path log;

	private AtriumProcess(String name, int port, Process process, Path log) {
		this.name = name;
		this.port = port;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts an instance; returns at once (see {@link #awaitHealthy}).
	 * @param name the instance's name (also its db-scheduler name)
	 * @param arguments Spring Boot arguments ({@code --key=value}), besides the port
	 * @return the running process
	 */
	public static AtriumProcess start(String name, List<String> arguments) {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(javaBinary());
		command.addAll(List.of("-Xms128m", "-Xmx640m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
				jar().toString(), "--server.port=" + port, "--db-scheduler.scheduler-name=" + name));
		command.addAll(arguments);
		try {
			Path logs = Paths.get("target", "crash-logs");
			Files.createDirectories(logs);
			Path log = logs.resolve(name + ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
				.start();
			return new AtriumProcess(name, port, process, log);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot start " + command, ex);
		}
	}

	/**
	 * Waits until {@code /actuator/health} answers UP.
	 * @param timeout how long at most
	 * @return this instance
	 */
	public AtriumProcess awaitHealthy(Duration timeout) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new AssertionError(this.name + " exited with " + this.process.exitValue()
						+ " while starting; see " + this.log.toAbsolutePath() + ":\n" + tail());
			}
			try {
				HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health")))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
					return this;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(Duration.ofMillis(250));
		}
		throw new AssertionError(this.name + " was not healthy within " + timeout + "; see " + this.log.toAbsolutePath()
				+ ":\n" + tail());
	}

	/** Ends the JVM at once with SIGKILL and waits until it is gone. */
	public void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Asks the JVM to stop (SIGTERM), then kills what is left after 20 seconds. */
	public void stop() {
		if (!this.process.isAlive()) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
				kill();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			kill();
		}
	}

	public boolean alive() {
		return this.process.isAlive();
	}

	public String name() {
		return this.name;
	}

	public int port() {
		return this.port;
	}

	/**
	 * @param path a path on this instance
	 * @return its absolute URL
	 */
	public String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	/**
	 * @return the last lines of the instance's output, for failure messages
	 */
	public String tail() {
		try {
			List<String> lines = Files.readAllLines(this.log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	/**
	 * @return the packaged application jar in {@code target/} (the Spring Boot executable
	 * one, not {@code *-plain.jar} or sources)
	 */
	public static Path jar() {
		Path target = Paths.get("target");
		try (Stream<Path> files = Files.list(target)) {
			return files.filter((p) -> p.getFileName().toString().matches("atrium-.*\\.jar"))
				.filter((p) -> !p.getFileName().toString().matches(".*-(plain|sources|javadoc|tests)\\.jar"))
				.max(Comparator.comparingLong((p) -> p.toFile().lastModified()))
				.orElseThrow(() -> new AssertionError("No target/atrium-*.jar: the package phase builds it before the "
						+ "integration tests (run mvn verify, not failsafe alone)"));
		}
		catch (IOException ex) {
			throw new AssertionError("Cannot list " + target.toAbsolutePath(), ex);
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String javaBinary() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
