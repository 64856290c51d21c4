package io.atrium.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.atrium.AtriumApplication;
import io.atrium.support.RawHttp;
import io.atrium.support.TestDatabase;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests against every {@code /api/v1} and Hotmart-compatible endpoint, as a
 * producer with a valid bearer token: huge and negative numbers, far dates, control
 * characters, wrong types, empty and null bodies, unicode, wrong content types. No answer
 * may be a 5xx, and every error is a JSON object with {@code error}. The endpoints are
 * read from the running application's handler mappings, so a new endpoint is fuzzed
 * without changing this test. Fixed seed and a bounded number of tries keep it
 * deterministic and short; it runs on H2 and, through {@code .ci/run}, on PostgreSQL.
 * <p>
 * jqwik is its own JUnit Platform engine and knows nothing of Spring's test context, so
 * the application is started once for the container, on a fresh database, the way
 * {@code @AtriumIntegrationTest} starts it.
 */
class ApiFuzzIntegrationTests {

	private static final String[] API_PREFIXES = { "/api/v1", "/payments/api/", "/products/api/", "/club/api/",
			"/events/api/", "/security/oauth/token" };

	private static ConfigurableApplicationContext application;

	private static int port;

	private static String token;

	private static List<Endpoint> endpoints;

	private static final JsonMapper json = JsonMapper.builder().build();

	record Endpoint(String method, String pattern) {

	}

	@BeforeContainer
	static void start() throws Exception {
		application = new SpringApplicationBuilder(AtriumApplication.class).initializers(new TestDatabase())
			.properties("server.port=0", "atrium.demo.enabled=false", "atrium.api.rate-limit-per-minute=100000",
					"db-scheduler.polling-interval=1s", "logging.level.com.github.kagkarlsson=WARN",
					"logging.level.io.atrium=OFF", "logging.level.org.springframework.web=OFF")
			.run();
		port = Integer.parseInt(application.getEnvironment().getProperty("local.server.port"));
		CreatedCredential credential = application.getBean(ApiCredentials.class)
			.create(ApiTestClient.newProducer(), "fuzz");
		RawHttp.Response response = RawHttp.send(port, "POST /security/oauth/token?grant_type=client_credentials "
				+ "HTTP/1.1\r\nAuthorization: Basic " + credential.basicToken() + "\r\n", new byte[0]);
		token = json.readTree(response.body()).path("access_token").asString();
		Set<String> found = new TreeSet<>();
		application.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class)
			.getHandlerMethods()
			.keySet()
			.forEach((info) -> {
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (String pattern : info.getPatternValues()) {
					if (isApi(pattern)) {
						for (RequestMethod method : methods.isEmpty()
								? Set.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.DELETE) : methods) {
							found.add(method.name() + " " + pattern);
						}
					}
				}
			});
		endpoints = found.stream().map((e) -> new Endpoint(e.split(" ")[0], e.split(" ")[1])).toList();
		assertThat(endpoints).hasSizeGreaterThan(30);
	}

	@AfterContainer
	static void stop() {
		if (application != null) {
			application.close();
		}
	}

	static boolean isApi(String pattern) {
		for (String prefix : API_PREFIXES) {
			if (pattern.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	@Property(tries = 700, seed = "20260509", shrinking = ShrinkingMode.OFF)
	void noHostileRequestGetsA5xxAndEveryErrorIsJson(@ForAll("requests") HostileRequest request) throws Exception {
		RawHttp.Response response = RawHttp.send(port, request.head(), request.body().getBytes(StandardCharsets.UTF_8));
		String what = abbreviate(request.head() + request.body()) + "\n-> " + response.status() + " "
				+ abbreviate(response.body());
		assertThat(response.status()).as(what).isLessThan(500);
		if (response.status() >= 400) {
			assertThat(response.headers().get("content-type")).as(what).contains("json");
			JsonNode body = json.readTree(response.body());
			assertThat(body.isObject()).as(what).isTrue();
			assertThat(body.path("error").asString()).as(what).isNotBlank();
			assertThat(body.path("message").asString()).as(what).isNotBlank();
		}
	}

	/** A request line with headers, and a body. */
	record HostileRequest(String head, String body) {

		@Override
		public String toString() {
			return this.head + this.body;
		}

	}

	@Provide
	Arbitrary<HostileRequest> requests() {
		Arbitrary<Integer> endpoint = Arbitraries.integers().between(0, Integer.MAX_VALUE);
		return Combinators
			.combine(endpoint, pathValues(), queries(), contentTypes(), bodies(), idempotencyKeys(),
					Arbitraries.of(true, false))
			.as((index, pathValue, query, contentType, body, key, methodOverride) -> {
				Endpoint target = endpoints.get(index % endpoints.size());
				String path = target.pattern().replaceAll("\\{[^}]+}", encode(pathValue)).replace("/**", "/x");
				String method = methodOverride || !"GET".equals(target.method()) ? target.method() : "POST";
				String head = method + " " + path + query + " HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\n"
						+ contentType + key;
				return new HostileRequest(head, method.equals("GET") && body.length() > 2 ? "" : body);
			});
	}

	static String abbreviate(String text) {
		return (text.length() > 1500) ? text.substring(0, 1500) + "…" : text;
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	static Arbitrary<String> hostileText() {
		return Arbitraries.oneOf(
				Arbitraries.of("", " ", "0", "-1", "1", "9223372036854775807", "-9223372036854775808",
						"99999999999999999999999", "1e309", "NaN", "true", "null", "a\u0000b", "\u0001", "\u001b[0m",
						"\u202e", "😀", "ção", "<script>", "'; drop table x; --", "%00", "../..", "+999999999-12-31",
						"-999999999-01-01", "31556889864403199", "2026-02-30", "x".repeat(1500)),
				Arbitraries.strings().all().ofMaxLength(40));
	}

	static Arbitrary<String> pathValues() {
		// Tomcat's connector refuses an encoded NUL, slash or backslash in the path with
		// its own
		// plain 400 before the application sees the request; those are not fuzzed here
		return hostileText().filter((s) -> !s.isEmpty() && !s.contains("\u0000") && !s.contains("/")
				&& !s.contains("\\") && !s.equals(".") && !s.equals(".."));
	}

	static Arbitrary<String> queries() {
		Arbitrary<String> name = Arbitraries.of("max_results", "page_token", "cursor", "limit", "product_id",
				"start_date", "end_date", "transaction_status", "status", "is_extra", "subdomain", "email", "code",
				"accession_date", "id", "format", "module_id", "student_email", "grant_type", "client_id");
		Arbitrary<String> pair = Combinators.combine(name, hostileText()).as((n, v) -> n + "=" + encode(v));
		return pair.list().ofMaxSize(3).map((pairs) -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
	}

	static Arbitrary<String> contentTypes() {
		return Arbitraries.of("", "Content-Type: application/json\r\n", "Content-Type: application/json\r\n",
				"Content-Type: application/json\r\n", "Content-Type: text/plain\r\n",
				"Content-Type: application/x-www-form-urlencoded\r\n",
				"Content-Type: multipart/form-data; boundary=B\r\n", "Content-Type: application/xml\r\n",
				"Content-Type: application/json; charset=nonsense\r\n");
	}

	static Arbitrary<String> idempotencyKeys() {
		return Arbitraries
			.oneOf(Arbitraries.strings().alpha().numeric().ofMinLength(8).ofMaxLength(36),
					Arbitraries.of("", "Idempotency-Key: ção\r\n", "Idempotency-Key: " + "k".repeat(300) + "\r\n"))
			.map((k) -> k.startsWith("Idempotency-Key") || k.isEmpty() ? k : "Idempotency-Key: fuzz-" + k + "\r\n");
	}

	static Arbitrary<String> jsonValue() {
		return Arbitraries.oneOf(
				Arbitraries.of("null", "true", "false", "0", "-1", "1", "1.5", "-0.0", "1e400", "-1e400",
						"9223372036854775807", "9223372036854775808", "-9223372036854775809", "31556889864403199",
						"-31556889864403199", "\"+999999999-12-31T23:59:59Z\"", "\"-999999999-01-01T00:00:00Z\"",
						"\"1900-01-01T00:00:00Z\"", "\"2026-05-01T10:00:00Z\"", "\"2026-05-01\"", "\"a\\u0000b\"",
						"\"\\u0007bell\"", "\"line\\nbreak\"", "\"\\ud800\"", "\"😀ção\"", "[]", "[null]", "[1,null]",
						"{}", "{\"a\":null}", "\"" + "y".repeat(3000) + "\"", "\"\"", "\"  \""),
				hostileText().map((s) -> {
					try {
						return json.writeValueAsString(s);
					}
					catch (RuntimeException ex) {
						return "\"x\"";
					}
				}));
	}

	static Arbitrary<String> bodies() {
		Arbitrary<String> field = Arbitraries.of("name", "code", "discount", "start_date", "end_date", "starts_at",
				"ends_at", "offer_ids", "price", "amount", "currency", "email", "title", "description", "date",
				"started_at", "access_ends_at", "group_ids", "product_id", "offer_code", "payment_method", "status",
				"format", "type", "days", "students", "send_mail", "support_email", "warranty_days", "sequence",
				"buyer", "installments", "after_page_id", "group_id", "module_id", "text", "content");
		Arbitrary<String> member = Combinators.combine(field, jsonValue()).as((f, v) -> "\"" + f + "\":" + v);
		Arbitrary<String> object = member.list()
			.ofMinSize(1)
			.ofMaxSize(8)
			.map((members) -> "{" + String.join(",", members) + "}");
		return Arbitraries.oneOf(object, object, object, object.map((o) -> "[" + o + "]"),
				object.map((o) -> "{\"students\":[" + o + "]}"), jsonValue(),
				Arbitraries.of("", "{", "{\"a\":", "not json", "\u0000", "--B\r\nContent-Disposition: form-data\r\n"));
	}

	static List<Endpoint> endpoints() {
		return new ArrayList<>(endpoints);
	}

}
