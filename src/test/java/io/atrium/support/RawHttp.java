package io.atrium.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends one HTTP/1.1 request byte for byte, as a hostile or sloppy client would: any
 * header value (non-ASCII included), any body, any content type. HTTP clients refuse or
 * repair such requests, so tests that need them use this.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * A response.
	 *
	 * @param status the status code
	 * @param headers the headers, names in lower case
	 * @param body the body as UTF-8 text
	 */
	public record Response(int status, Map<String, String> headers, String body) {

	}

	/**
	 * @param port the local port
	 * @param head the request line and headers, each line ending in CRLF, without the
	 * blank line; {@code Host}, {@code Connection: close} and {@code Content-Length} are
	 * added
	 * @param body the body bytes, may be empty
	 */
	public static Response send(int port, String head, byte[] body) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			String full = head + "Host: 127.0.0.1:" + port + "\r\nConnection: close\r\n"
					+ ((body.length > 0 || head.startsWith("POST") || head.startsWith("PUT"))
							? "Content-Length: " + body.length + "\r\n" : "")
					+ "\r\n";
			out.write(full.getBytes(StandardCharsets.UTF_8));
			out.write(body);
			out.flush();
			return read(socket.getInputStream());
		}
	}

	private static Response read(InputStream in) throws IOException {
		byte[] all = in.readAllBytes();
		String text = new String(all, StandardCharsets.UTF_8);
		int end = text.indexOf("\r\n\r\n");
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
		}
		String body = text.substring(end + 4);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = unchunk(body);
		}
		return new Response(status, headers, body);
	}

	private static String unchunk(String chunked) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
		int at = 0;
		while (at < bytes.length) {
			int lineEnd = at;
			while (lineEnd + 1 < bytes.length && !(bytes[lineEnd] == '\r' && bytes[lineEnd + 1] == '\n')) {
				lineEnd++;
			}
			String sizeText = new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII).strip();
			int semicolon = sizeText.indexOf(';');
			int size = Integer.parseInt((semicolon >= 0) ? sizeText.substring(0, semicolon) : sizeText, 16);
			if (size == 0) {
				break;
			}
			out.write(bytes, lineEnd + 2, size);
			at = lineEnd + 2 + size + 2;
		}
		return out.toString(StandardCharsets.UTF_8);
	}

}
