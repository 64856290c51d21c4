package io.atrium.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.atrium.support.Eventually;

/**
 * A webhook receiver for tests: a real HTTP server on 127.0.0.1 that records every POST
 * and answers what the test tells it (a status, headers, a delay). It can go down (the
 * port refuses connections) and come back on the same port.
 */
final class Receiver implements AutoCloseable {

	/**
	 * A request received.
	 *
	 * @param headers the headers, names in lower case
	 * @param body the body
	 * @param at when it arrived (real time)
	 */
	record Request(Map<String, String> headers, String body, Instant at) {

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	/**
	 * What to answer.
	 *
	 * @param status the status
	 * @param headers extra headers
	 * @param body the body
	 * @param delay how long to wait before answering
	 */
	record Reply(int status, Map<String, String> headers, String body, Duration delay) {

		static Reply status(int status) {
			return new Reply(status, Map.of(), "answer " + status, Duration.ZERO);
		}

	}

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private volatile Function<Request, Reply> behaviour = (r) -> Reply.status(200);

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final int port;

	private volatile HttpServer server;

	Receiver() {
		this.server = start(0);
		this.port = this.server.getAddress().getPort();
	}

	private HttpServer start(int port) {
		try {
			HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
			s.setExecutor(this.threads);
			s.createContext("/", this::handle);
			s.start();
			return s;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + this.port + "/hooks/atrium";
	}

	void answer(Function<Request, Reply> behaviour) {
		this.behaviour = behaviour;
	}

	List<Request> requests() {
		return List.copyOf(this.requests);
	}

	/**
	 * Waits until at least that many requests arrived.
	 */
	List<Request> await(int count) {
		Eventually.until(count + " webhook(s) at " + url(), () -> this.requests.size() >= count);
		return requests();
	}

	/** Stops listening: connections are refused. */
	void down() {
		this.server.stop(0);
	}

	/** Listens again on the same port. */
	void up() {
		for (int i = 0; i < 50; i++) {
			try {
				this.server = start(this.port);
				return;
			}
			catch (IllegalStateException ex) {
				if (!(ex.getCause() instanceof BindException)) {
					throw ex;
				}
				sleep(Duration.ofMillis(100));
			}
		}
		throw new IllegalStateException("port " + this.port + " stays taken");
	}

	private void handle(HttpExchange exchange) throws IOException {
		Map<String, String> headers = new HashMap<>();
		exchange.getRequestHeaders()
			.forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Request request = new Request(headers, body, Instant.now());
		this.requests.add(request);
		Reply reply = this.behaviour.apply(request);
		sleep(reply.delay());
		reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
		try {
			exchange.sendResponseHeaders(reply.status(), (bytes.length == 0) ? -1 : bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
		catch (IOException ex) {
			// the client gave up waiting (a timeout under test)
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

}
