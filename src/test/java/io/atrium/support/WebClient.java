package io.atrium.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A small real-HTTP client that behaves like a browser without JavaScript: it keeps
 * cookies, does not follow redirects by itself, and submits forms with the CSRF token the
 * page holds. Each instance is one browser (one session).
 */
public class WebClient {

	private final String base;

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	private String forwardedFor;

	private String acceptLanguage = "en";

	private Document lastPage;

	public WebClient(int port) {
		this.base = "http://localhost:" + port;
		this.http = HttpClient.newBuilder()
			.cookieHandler(this.cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
	}

	/**
	 * Pretends the requests come from another client address (honoured from a local
	 * proxy).
	 */
	public WebClient from(String address) {
		this.forwardedFor = address;
		return this;
	}

	/** Sets the browser's Accept-Language. */
	public WebClient language(String acceptLanguage) {
		this.acceptLanguage = acceptLanguage;
		return this;
	}

	/** GET a path or an absolute URL. */
	public Page get(String pathOrUrl) {
		return send(request(pathOrUrl).GET());
	}

	/** GET and follow redirects, like a browser. */
	public Page browse(String pathOrUrl) {
		Page page = get(pathOrUrl);
		for (int i = 0; i < 10 && page.isRedirect(); i++) {
			page = get(page.location());
		}
		return page;
	}

	/**
	 * POSTs a form. The CSRF token comes from the last page fetched that had one (open
	 * the form page first, as a person would).
	 */
	public Page post(String path, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		if (this.lastPage != null && !all.containsKey("_csrf")) {
			Element token = this.lastPage.selectFirst("input[name=_csrf]");
			if (token != null) {
				all.put("_csrf", token.attr("value"));
			}
		}
		String body = all.entrySet()
			.stream()
			.map((e) -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * POSTs a multipart form with one file, as a browser uploads it. The CSRF token comes
	 * from the last page fetched that had one.
	 */
	public Page upload(String path, String field, String filename, byte[] content) {
		String boundary = "----atrium" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		Element token = (this.lastPage != null) ? this.lastPage.selectFirst("input[name=_csrf]") : null;
		if (token != null) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
					+ token.attr("value") + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
				+ filename + "\"\r\nContent-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/** POSTs a form and follows the redirect that answers it. */
	public Page submit(String path, Map<String, String> fields) {
		Page page = post(path, fields);
		for (int i = 0; i < 10 && page.isRedirect(); i++) {
			page = get(page.location());
		}
		return page;
	}

	/** Logs in through the log-in form; returns the page after the redirects. */
	public Page logIn(String email, String password) {
		get("/login");
		return submit("/login", Map.of("email", email, "password", password));
	}

	/**
	 * @return the value of a cookie of this browser, or null
	 */
	public HttpCookie cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((c) -> c.getName().equals(name))
			.findFirst()
			.orElse(null);
	}

	private HttpRequest.Builder request(String pathOrUrl) {
		URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : this.base + pathOrUrl);
		HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "text/html")
			.header("Accept-Language", this.acceptLanguage);
		if (this.forwardedFor != null) {
			builder.header("X-Forwarded-For", this.forwardedFor);
		}
		return builder;
	}

	private Page send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			Page page = new Page(response);
			if (page.body().contains("<html")) {
				this.lastPage = page.document();
			}
			return page;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/** One answer. */
	public static final class Page {

		private final HttpResponse<String> response;

		Page(HttpResponse<String> response) {
			this.response = response;
		}

		public int status() {
			return this.response.statusCode();
		}

		public String body() {
			return this.response.body();
		}

		/**
		 * @return the visible text of the page
		 */
		public String text() {
			return document().text();
		}

		public Document document() {
			return Jsoup.parse(this.response.body());
		}

		public boolean isRedirect() {
			return this.response.statusCode() >= 300 && this.response.statusCode() < 400;
		}

		public String location() {
			return this.response.headers().firstValue("Location").orElse(null);
		}

		/**
		 * @return the path of the final URL of this answer
		 */
		public String path() {
			return this.response.uri().getPath();
		}

		public String header(String name) {
			return this.response.headers().firstValue(name).orElse(null);
		}

		public java.util.List<String> headers(String name) {
			return this.response.headers().allValues(name);
		}

		@Override
		public String toString() {
			return status() + " " + this.response.uri();
		}

	}

}
