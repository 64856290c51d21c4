package io.atrium.webhooks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One webhook POST over HTTP/1.1 to an address checked beforehand. The JDK's
 * {@code HttpClient} cannot be told which address to connect to (on Java 17 it resolves
 * the host again, which DNS rebinding exploits), so this connects a socket to the checked
 * address itself and, for {@code https}, layers TLS on it with the URL's host name for
 * SNI and certificate verification. It sends {@code Connection: close}, never follows a
 * redirect, reads the status, the headers and at most {@code maxBody} bytes of the body,
 * and gives up after the connect timeout plus the read timeout in all (a watchdog closes
 * the socket of a receiver that trickles its answer).
 */
final class WebhookPost {

	private static final int MAX_HEADER_BYTES = 32 * 1024;

	private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor((r) -> {
		Thread thread = new Thread(r, "webhook-watchdog");
		thread.setDaemon(true);
		return thread;
	});

	private final SSLSocketFactory tls;

	private final Duration connectTimeout;

	private final Duration readTimeout;

	private final int maxBody;

	WebhookPost(SSLSocketFactory tls, Duration connectTimeout, Duration readTimeout, int maxBody) {
		this.tls = tls;
		this.connectTimeout = connectTimeout;
		this.readTimeout = readTimeout;
		this.maxBody = maxBody;
	}

	/**
	 * What the receiver answered.
	 *
	 * @param status the HTTP status
	 * @param headers the headers, names in lower case (the first value of each)
	 * @param body the start of the body, as UTF-8 text
	 */
	record Answer(int status, Map<String, String> headers, String body) {
	}

	/**
	 * @param uri the URL
	 * @param addresses the checked addresses of its host, tried in order
	 * @param headers the request headers besides Host, Content-Length and Connection
	 * @param body the body
	 * @return the answer
	 * @throws IOException when no answer came (refused, reset, timed out, bad TLS…)
	 */
	Answer post(URI uri, List<InetAddress> addresses, Map<String, String> headers, byte[] body) throws IOException {
		IOException last = new IOException("No address to connect to");
		long deadline = System.nanoTime() + this.connectTimeout.plus(this.readTimeout).toNanos();
		for (InetAddress address : addresses) {
			Socket socket;
			try {
				socket = connect(uri, address);
			}
			catch (IOException ex) {
				last = ex;
				continue;
			}
			long left = deadline - System.nanoTime();
			ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> closeQuietly(socket), Math.max(1, left),
					TimeUnit.NANOSECONDS);
			try {
				return exchange(socket, uri, headers, body);
			}
			catch (IOException ex) {
				if (System.nanoTime() - deadline >= 0) {
					throw new IOException(
							"timed out after " + this.connectTimeout.plus(this.readTimeout).toMillis() + " ms", ex);
				}
				throw ex;
			}
			finally {
				watchdog.cancel(false);
				closeQuietly(socket);
			}
		}
		throw last;
	}

	private Socket connect(URI uri, InetAddress address) throws IOException {
		boolean https = "https".equalsIgnoreCase(uri.getScheme());
		int port = port(uri);
		Socket plain = new Socket();
		try {
			plain.connect(new InetSocketAddress(address, port), (int) this.connectTimeout.toMillis());
			plain.setSoTimeout((int) this.readTimeout.toMillis());
			if (!https) {
				return plain;
			}
			String host = uri.getHost();
			SSLSocket ssl = (SSLSocket) this.tls.createSocket(plain, host, port, true);
			SSLParameters parameters = ssl.getSSLParameters();
			parameters.setEndpointIdentificationAlgorithm("HTTPS");
			if (!host.startsWith("[") && !host.matches("[0-9.]+")) {
				parameters.setServerNames(List.of(new SNIHostName(host)));
			}
			ssl.setSSLParameters(parameters);
			ssl.startHandshake();
			return ssl;
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly(plain);
			throw ex;
		}
	}

	private Answer exchange(Socket socket, URI uri, Map<String, String> headers, byte[] body) throws IOException {
		StringBuilder request = new StringBuilder();
		String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
		if (uri.getRawQuery() != null) {
			path += "?" + uri.getRawQuery();
		}
		request.append("POST ").append(path).append(" HTTP/1.1\r\n");
		request.append("Host: ").append(uri.getHost());
		if (uri.getPort() != -1) {
			request.append(':').append(uri.getPort());
		}
		request.append("\r\n");
		headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
		request.append("Content-Length: ").append(body.length).append("\r\n");
		request.append("Connection: close\r\n\r\n");
		OutputStream out = socket.getOutputStream();
		out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
		out.write(body);
		out.flush();
		InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
		while (true) {
			String statusLine = line(in);
			String[] parts = statusLine.split(" ", 3);
			if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
				throw new IOException("not an HTTP answer: " + abbreviate(statusLine));
			}
			int status = Integer.parseInt(parts[1]);
			Map<String, String> answerHeaders = headers(in);
			if (status >= 100 && status < 200) {
				continue;
			}
			return new Answer(status, answerHeaders, body(in, answerHeaders));
		}
	}

	private Map<String, String> headers(InputStream in) throws IOException {
		Map<String, String> headers = new HashMap<>();
		int total = 0;
		while (true) {
			String line = line(in);
			total += line.length() + 2;
			if (total > MAX_HEADER_BYTES) {
				throw new IOException("answer headers larger than " + MAX_HEADER_BYTES + " bytes");
			}
			if (line.isEmpty()) {
				return headers;
			}
			int colon = line.indexOf(':');
			if (colon > 0) {
				headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
						line.substring(colon + 1).strip());
			}
		}
	}

	private String body(InputStream in, Map<String, String> headers) throws IOException {
		ByteArrayOutputStream kept = new ByteArrayOutputStream();
		try {
			if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
				while (kept.size() < this.maxBody) {
					String size = line(in);
					int semicolon = size.indexOf(';');
					int length = Integer.parseInt(((semicolon >= 0) ? size.substring(0, semicolon) : size).strip(), 16);
					if (length == 0) {
						break;
					}
					copy(in, kept, length);
					line(in);
				}
			}
			else {
				String declared = headers.get("content-length");
				long length = (declared != null && declared.matches("\\d{1,18}")) ? Long.parseLong(declared)
						: Long.MAX_VALUE;
				copy(in, kept, length);
			}
		}
		catch (IOException | NumberFormatException ex) {
			// the status counts; a body cut short is kept as far as it came
		}
		byte[] bytes = kept.toByteArray();
		int length = Math.min(bytes.length, this.maxBody);
		return new String(bytes, 0, length, StandardCharsets.UTF_8);
	}

	private void copy(InputStream in, ByteArrayOutputStream kept, long length) throws IOException {
		byte[] buffer = new byte[1024];
		long left = length;
		while (left > 0 && kept.size() < this.maxBody) {
			int read = in.read(buffer, 0, (int) Math.min(buffer.length, Math.min(left, this.maxBody - kept.size())));
			if (read < 0) {
				return;
			}
			kept.write(buffer, 0, read);
			left -= read;
		}
	}

	private static String line(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		while (true) {
			int c = in.read();
			if (c < 0) {
				if (line.size() == 0) {
					throw new IOException("connection closed without an answer");
				}
				break;
			}
			if (c == '\n') {
				break;
			}
			if (c != '\r') {
				line.write(c);
			}
			if (line.size() > MAX_HEADER_BYTES) {
				throw new IOException("answer line longer than " + MAX_HEADER_BYTES + " bytes");
			}
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	private static String abbreviate(String text) {
		return (text.length() > 80) ? text.substring(0, 80) + "…" : text;
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// closing is best effort
		}
	}

}
