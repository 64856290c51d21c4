package io.atrium.api;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.atrium.support.AtriumIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conventions of {@code /api/v1}, exercised through {@code /api/v1/credentials}: JSON
 * in snake_case, problem details, cursor pagination, idempotency keys.
 */
@AtriumIntegrationTest
@AutoConfigureTestRestTemplate
class OwnApiConventionsIntegrationTests {

	private static final String CREDENTIALS = "/api/v1/credentials";

	@Autowired
	TestRestTemplate http;

	@Autowired
	JsonMapper json;

	@Autowired
	ApiCredentials credentials;

	ApiTestClient api;

	long producer;

	String token;

	@BeforeEach
	void setUp() {
		this.api = new ApiTestClient(this.http, this.json, this.credentials);
		this.producer = ApiTestClient.newProducer();
		this.token = this.api.token(this.api.credential(this.producer));
	}

	@Test
	void createReturnsTheSecretOnceAndItWorks() {
		ResponseEntity<String> response = create(UUID.randomUUID().toString(), "{\"name\":\"  Zapier  \"}");
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
		JsonNode created = this.api.read(response);
		assertThat(created.path("name").asString()).isEqualTo("Zapier");
		assertThat(created.path("client_secret").asString()).hasSizeGreaterThanOrEqualTo(43);
		assertThat(response.getHeaders().getLocation()).hasToString(CREDENTIALS + "/" + created.path("id").asLong());
		assertThat(response.getHeaders().getFirst("Idempotent-Replayed")).isNull();

		JsonNode read = this.api
			.read(this.api.call(HttpMethod.GET, CREDENTIALS + "/" + created.path("id").asLong(), this.token));
		assertThat(read.path("client_id").asString()).isEqualTo(created.path("client_id").asString());
		assertThat(read.has("client_secret")).isFalse();
		assertThat(read.path("status").asString()).isEqualTo("active");
		assertThat(read.has("created_at")).isTrue();

		ResponseEntity<String> token = this.api.tokenRequest("/security/oauth/token?grant_type=client_credentials",
				"Basic " + created.path("basic_token").asString(), null, null);
		assertThat(token.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void sameKeyAndBodyReplaysTheFirstResponseAndCreatesNothing() {
		String key = UUID.randomUUID().toString();
		ResponseEntity<String> first = create(key, "{\"name\":\"Make\"}");
		ResponseEntity<String> again = create(key, "{\"name\":\"Make\"}");
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.getHeaders().getLocation()).isEqualTo(first.getHeaders().getLocation());
		assertThat(this.api.read(again)).isEqualTo(this.api.read(first));
		assertThat(namesOfOwnCredentials()).containsOnlyOnce("Make");
	}

	@Test
	void sameKeyWithADifferentBodyIsUnprocessable() {
		String key = UUID.randomUUID().toString();
		create(key, "{\"name\":\"n8n\"}");
		assertProblem(create(key, "{\"name\":\"something else\"}"), HttpStatus.UNPROCESSABLE_CONTENT,
				"idempotency_key_reused");
		assertThat(namesOfOwnCredentials()).doesNotContain("something else");
	}

	@Test
	void keysAreScopedToTheProducer() {
		String key = UUID.randomUUID().toString();
		create(key, "{\"name\":\"mine\"}");
		long other = ApiTestClient.newProducer();
		String otherToken = this.api.token(this.api.credential(other));
		ResponseEntity<String> theirs = this.api.call(HttpMethod.POST, CREDENTIALS, otherToken, key,
				"{\"name\":\"mine\"}");
		assertThat(theirs.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(theirs.getHeaders().getFirst("Idempotent-Replayed")).isNull();
	}

	@Test
	void missingOrMalformedKeyIsABadRequest() {
		assertProblem(create(null, "{\"name\":\"no key\"}"), HttpStatus.BAD_REQUEST, "invalid_parameter");
		assertProblem(create("x".repeat(256), "{\"name\":\"long key\"}"), HttpStatus.BAD_REQUEST,
				"invalid_value_headers");
		assertThat(namesOfOwnCredentials()).doesNotContain("no key", "long key");
	}

	@Test
	void invalidBodiesListTheInvalidFields() {
		ResponseEntity<String> blank = create(UUID.randomUUID().toString(), "{\"name\":\"  \"}");
		assertProblem(blank, HttpStatus.BAD_REQUEST, "invalid_parameter");
		assertThat(this.api.read(blank).path("errors").get(0).path("field").asString()).isEqualTo("name");
		ResponseEntity<String> tooLong = create(UUID.randomUUID().toString(), "{\"name\":\"" + "n".repeat(101) + "\"}");
		assertProblem(tooLong, HttpStatus.BAD_REQUEST, "invalid_parameter");
		assertProblem(create(UUID.randomUUID().toString(), "{not json"), HttpStatus.BAD_REQUEST, "invalid_parameter");
		assertProblem(this.api.call(HttpMethod.GET, CREDENTIALS + "/abc", this.token), HttpStatus.BAD_REQUEST,
				"invalid_parameter");
		assertThat(namesOfOwnCredentials()).hasSize(1);
	}

	@Test
	void problemsAreAnsweredWhateverTheClientAccepts() {
		for (String accept : List.of("application/json", "*/*", "text/html")) {
			HttpHeaders headers = new HttpHeaders();
			headers.setBearerAuth(this.token);
			headers.set(HttpHeaders.ACCEPT, accept);
			ResponseEntity<String> response = this.api.exchange(HttpMethod.GET, CREDENTIALS + "/999999999", headers);
			assertProblem(response, HttpStatus.NOT_FOUND, "not_found");
		}
	}

	@Test
	void concurrentDuplicatesCreateOnceAndBothGetTheSameAnswer() throws Exception {
		String key = UUID.randomUUID().toString();
		Callable<ResponseEntity<String>> post = () -> create(key, "{\"name\":\"raced\"}");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<ResponseEntity<String>>> futures = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				futures.add(pool.submit(post));
			}
			List<JsonNode> bodies = new ArrayList<>();
			for (Future<ResponseEntity<String>> future : futures) {
				ResponseEntity<String> response = future.get();
				// a duplicate waits for the first request's answer; on a very slow
				// machine it
				// may instead be told to retry, never given a different answer
				if (response.getStatusCode() == HttpStatus.CONFLICT) {
					assertProblem(response, HttpStatus.CONFLICT, "idempotency_key_in_use");
					assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).matches("[1-9][0-9]*");
					continue;
				}
				assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
				bodies.add(this.api.read(response));
			}
			assertThat(bodies).isNotEmpty().allSatisfy((b) -> assertThat(b).isEqualTo(bodies.get(0)));
			ResponseEntity<String> retry = create(key, "{\"name\":\"raced\"}");
			assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.CREATED);
			assertThat(this.api.read(retry)).isEqualTo(bodies.get(0));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(namesOfOwnCredentials()).containsOnlyOnce("raced");
	}

	@Test
	void listsArePaginatedWithAnOpaqueCursor() {
		for (int i = 1; i <= 4; i++) {
			this.credentials.create(this.producer, "page " + i);
		}
		JsonNode first = this.api.read(this.api.call(HttpMethod.GET, CREDENTIALS + "?limit=2", this.token));
		assertThat(names(first)).containsExactly("page 4", "page 3");
		String cursor = first.path("next_cursor").asString();
		assertThat(cursor).isNotBlank();
		JsonNode second = this.api
			.read(this.api.call(HttpMethod.GET, CREDENTIALS + "?limit=2&cursor=" + cursor, this.token));
		assertThat(names(second)).containsExactly("page 2", "page 1");
		JsonNode last = this.api.read(this.api.call(HttpMethod.GET,
				CREDENTIALS + "?limit=2&cursor=" + second.path("next_cursor").asString(), this.token));
		assertThat(names(last)).containsExactly("test " + this.producer);
		assertThat(last.has("next_cursor")).isFalse();

		JsonNode clamped = this.api.read(this.api.call(HttpMethod.GET, CREDENTIALS + "?limit=100000", this.token));
		assertThat(clamped.path("items")).hasSize(5);
		assertThat(clamped.has("next_cursor")).isFalse();
		assertProblem(this.api.call(HttpMethod.GET, CREDENTIALS + "?cursor=bogus", this.token), HttpStatus.BAD_REQUEST,
				"invalid_parameter");
	}

	private ResponseEntity<String> create(String key, String body) {
		return this.api.call(HttpMethod.POST, CREDENTIALS, this.token, key, body);
	}

	private List<String> namesOfOwnCredentials() {
		return names(this.api.read(this.api.call(HttpMethod.GET, CREDENTIALS + "?limit=500", this.token)));
	}

	private static List<String> names(JsonNode page) {
		return page.path("items").valueStream().map((c) -> c.path("name").asString()).toList();
	}

	private void assertProblem(ResponseEntity<String> response, HttpStatus status, String error) {
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.as(String.valueOf(response.getHeaders().getContentType()))
			.isTrue();
		JsonNode body = this.api.read(response);
		assertThat(body.path("type").asString()).isEqualTo("about:blank");
		assertThat(body.path("status").asInt()).isEqualTo(status.value());
		assertThat(body.path("title").asString()).isEqualTo(status.getReasonPhrase());
		assertThat(body.path("detail").asString()).isNotBlank();
		assertThat(body.path("instance").asString()).startsWith(CREDENTIALS);
		assertThat(body.path("error").asString()).isEqualTo(error);
		assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).isNotNull();
	}

}
