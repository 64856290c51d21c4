package io.atrium.api;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-credential rate limiting (hotmart-api.md §2.2) with a tiny limit: the headers on
 * every response, then 429 with {@code Retry-After}.
 */
@AtriumIntegrationTest
@AutoConfigureTestRestTemplate
@TestPropertySource(properties = "atrium.api.rate-limit-per-minute=3")
class RateLimitIntegrationTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	JsonMapper json;

	@Autowired
	ApiCredentials credentials;

	@Autowired
	JdbcClient jdbc;

	ApiTestClient api;

	@BeforeEach
	void setUp() {
		this.api = new ApiTestClient(this.http, this.json, this.credentials);
	}

	@Test
	void apiCallsCountPerCredentialAndTheFourthIsRefused() {
		long producer = ApiTestClient.newProducer();
		String token = this.api.token(this.api.credential(producer));
		String otherToken = this.api.token(this.api.credential(producer));
		for (int remaining = 2; remaining >= 0; remaining--) {
			ResponseEntity<String> ok = this.api.call(HttpMethod.GET, "/api/v1/credentials", token);
			assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
			HttpHeaders headers = ok.getHeaders();
			assertThat(headers.getFirst("RateLimit-Limit")).isEqualTo("3");
			assertThat(headers.getFirst("X-RateLimit-Limit-Minute")).isEqualTo("3");
			assertThat(headers.getFirst("RateLimit-Remaining")).isEqualTo(Integer.toString(remaining));
			assertThat(headers.getFirst("X-RateLimit-Remaining-Minute")).isEqualTo(Integer.toString(remaining));
			assertThat(Long.parseLong(headers.getFirst("RateLimit-Reset"))).isBetween(1L, 60L);
		}
		ResponseEntity<String> refused = this.api.call(HttpMethod.GET, "/api/v1/credentials", token);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(Long.parseLong(refused.getHeaders().getFirst("Retry-After"))).isBetween(1L, 60L);
		assertThat(refused.getHeaders().getFirst("RateLimit-Remaining")).isEqualTo("0");
		JsonNode problem = this.api.read(refused);
		assertThat(problem.path("status").asInt()).isEqualTo(429);
		assertThat(problem.path("error").asString()).isEqualTo("too_many_requests");

		ResponseEntity<String> compatible = this.api.call(HttpMethod.GET, "/products/api/v1/products", token);
		assertThat(compatible.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		JsonNode body = this.api.read(compatible);
		assertThat(body.path("error").asString()).isEqualTo("too_many_requests");
		assertThat(body.path("error_description").asString()).isNotBlank();
		assertThat(body.path("error_uri").asString()).startsWith("https://developers.hotmart.com/");

		// another credential has its own bucket
		assertThat(this.api.call(HttpMethod.GET, "/api/v1/credentials", otherToken).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void tokenRequestsAreLimitedPerClientId() {
		CreatedCredential credential = this.api.credential(ApiTestClient.newProducer());
		String basic = "Basic " + credential.basicToken();
		for (int i = 0; i < 3; i++) {
			assertThat(this.api.tokenRequest("/security/oauth/token?grant_type=client_credentials", basic, null, null)
				.getStatusCode()).isEqualTo(HttpStatus.OK);
		}
		ResponseEntity<String> refused = this.api.tokenRequest("/security/oauth/token?grant_type=client_credentials",
				basic, null, null);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(refused.getHeaders().getFirst("Retry-After")).matches("[1-9][0-9]*");
		assertThat(this.api.read(refused).path("error").asString()).isEqualTo("too_many_requests");
		assertThat(this.api.read(refused).has("access_token")).isFalse();
	}

	@Test
	void madeUpClientIdsShareOneBucketAndAddNoRows() {
		List<String> madeUp = new ArrayList<>();
		ResponseEntity<String> last = null;
		// other tests' made-up ids of the last minute may have counted in the bucket too
		for (int i = 0; i < 4 && (last == null || last.getStatusCode() != HttpStatus.TOO_MANY_REQUESTS); i++) {
			String clientId = UUID.randomUUID().toString();
			madeUp.add(clientId);
			last = this.api.tokenRequest("/security/oauth/token?grant_type=client_credentials",
					ApiTestClient.basic(clientId, "not-a-secret"), null, null);
			assertThat(last.getStatusCode()).isIn(HttpStatus.UNAUTHORIZED, HttpStatus.TOO_MANY_REQUESTS);
		}
		assertThat(last.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		for (String clientId : madeUp) {
			assertThat(this.jdbc.sql("SELECT COUNT(*) FROM api_rate_windows WHERE bucket_key = ?")
				.param("token:" + clientId)
				.query(Long.class)
				.single()).isZero();
		}
		// a real credential keeps its own bucket
		CreatedCredential credential = this.api.credential(ApiTestClient.newProducer());
		assertThat(this.api
			.tokenRequest("/security/oauth/token?grant_type=client_credentials", "Basic " + credential.basicToken(),
					null, null)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

}
