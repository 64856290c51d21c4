package io.atrium.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP receiver of webhooks (the JDK's server on the loopback address) that
 * answers 200 at once and counts the posts it received by their {@code webhook-id}
 * header.
 */
public final class WebhookSink implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService threads = Executors.newFixedThreadPool(8);

	private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();

	private final AtomicInteger posts = new AtomicInteger();

	public WebhookSink() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		this.server.setExecutor(this.threads);
		this.server.createContext("/", (exchange) -> {
			try (InputStream body = exchange.getRequestBody()) {
				body.readAllBytes();
			}
			String id = exchange.getRequestHeaders().getFirst("webhook-id");
			if (id != null) {
				this.received.computeIfAbsent(id, (k) -> new AtomicInteger()).incrementAndGet();
			}
			this.posts.incrementAndGet();
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.server.start();
	}

	/**
	 * @return the URL webhooks are posted to
	 */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hooks";
	}

	/**
	 * @return how many posts arrived per {@code webhook-id}
	 */
	public Map<String, Integer> received() {
		Map<String, Integer> copy = new java.util.HashMap<>();
		this.received.forEach((id, count) -> copy.put(id, count.get()));
		return copy;
	}

	/**
	 * @return every post received, repeats included
	 */
	public int posts() {
		return this.posts.get();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

}
