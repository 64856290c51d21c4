package io.atrium.api;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.TestClock;
import org.junit.jupiter.api.AfterEach;
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

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bearer tokens on the Hotmart-compatible paths (§2.1 bodies) and on {@code /api/v1}
 * (problem details): missing, misnamed, garbage, expired and revoked tokens; and one
 * producer's token asking for another producer's data.
 */
@AtriumIntegrationTest
@AutoConfigureTestRestTemplate
class BearerAuthenticationIntegrationTests {

	private static final String COMPATIBLE_PATH = "/payments/api/v1/sales/history";

	private static final String OWN_PATH = "/api/v1/credentials";

	@Autowired
	TestRestTemplate http;

	@Autowired
	JsonMapper json;

	@Autowired
	ApiCredentials credentials;

	@Autowired
	TestClock clock;

	ApiTestClient api;

	@BeforeEach
	void setUp() {
		this.api = new ApiTestClient(this.http, this.json, this.credentials);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void noAuthorizationHeaderIsUnauthorized() {
		assertCompatibleError(this.api.call(HttpMethod.GET, COMPATIBLE_PATH, null), HttpStatus.UNAUTHORIZED,
				"unauthorized");
		assertProblem(this.api.call(HttpMethod.GET, OWN_PATH, null), HttpStatus.UNAUTHORIZED, "unauthorized");
	}

	@Test
	void misnamedAuthorizationHeaderIsUnauthorized() {
		String token = this.api.token(this.api.credential(ApiTestClient.newProducer()));
		HttpHeaders wrongScheme = new HttpHeaders();
		wrongScheme.set(HttpHeaders.AUTHORIZATION, "Token " + token);
		assertCompatibleError(this.api.exchange(HttpMethod.GET, COMPATIBLE_PATH, wrongScheme), HttpStatus.UNAUTHORIZED,
				"unauthorized");
		HttpHeaders wrongName = new HttpHeaders();
		wrongName.set("Authorisation", "Bearer " + token);
		assertProblem(this.api.exchange(HttpMethod.GET, OWN_PATH, wrongName), HttpStatus.UNAUTHORIZED, "unauthorized");
	}

	@Test
	void garbageTokenIsInvalid() {
		assertCompatibleError(this.api.call(HttpMethod.GET, COMPATIBLE_PATH, "not-a-token"), HttpStatus.UNAUTHORIZED,
				"invalid_token");
		assertProblem(this.api.call(HttpMethod.GET, OWN_PATH, "x".repeat(2000)), HttpStatus.UNAUTHORIZED,
				"invalid_token");
		HttpHeaders empty = new HttpHeaders();
		empty.set(HttpHeaders.AUTHORIZATION, "Bearer ");
		assertProblem(this.api.exchange(HttpMethod.GET, OWN_PATH, empty), HttpStatus.UNAUTHORIZED, "unauthorized");
	}

	@Test
	void forgedTokensAreInvalid() throws Exception {
		String token = this.api.token(this.api.credential(ApiTestClient.newProducer()));
		long otherProducer = ApiTestClient.newProducer();
		CreatedCredential other = this.api.credential(otherProducer);
		String[] parts = token.split("\\.");
		JWTClaimsSet claims = JWTClaimsSet.parse(new String(Base64.getUrlDecoder().decode(parts[1]), UTF_8));
		// another producer's credential in the claims, the original signature kept
		JWTClaimsSet stolen = new JWTClaimsSet.Builder(claims).claim("cid", other.id())
			.claim("pid", otherProducer)
			.build();
		String swapped = parts[0] + "."
				+ Base64.getUrlEncoder().withoutPadding().encodeToString(stolen.toString().getBytes(UTF_8)) + "."
				+ parts[2];
		// the same claims signed with a key of our own
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		SignedJWT foreign = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), stolen);
		foreign.sign(new MACSigner(key));
		// no signature at all
		String unsigned = new PlainJWT(stolen).serialize();
		for (String forged : new String[] { swapped, foreign.serialize(), unsigned, parts[0] + "." + parts[1] + "." }) {
			assertProblem(this.api.call(HttpMethod.GET, OWN_PATH, forged), HttpStatus.UNAUTHORIZED, "invalid_token");
			assertCompatibleError(this.api.call(HttpMethod.GET, COMPATIBLE_PATH, forged), HttpStatus.UNAUTHORIZED,
					"invalid_token");
		}
		assertThat(this.api.call(HttpMethod.GET, OWN_PATH, token).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void expiredTokenIsTokenExpired() {
		String token = this.api.token(this.api.credential(ApiTestClient.newProducer()));
		this.clock.advance(Duration.ofSeconds(172798));
		assertThat(this.api.call(HttpMethod.GET, OWN_PATH, token).getStatusCode()).isEqualTo(HttpStatus.OK);
		this.clock.advance(Duration.ofSeconds(2));
		assertCompatibleError(this.api.call(HttpMethod.GET, COMPATIBLE_PATH, token), HttpStatus.UNAUTHORIZED,
				"token_expired");
		assertProblem(this.api.call(HttpMethod.GET, OWN_PATH, token), HttpStatus.UNAUTHORIZED, "token_expired");
	}

	@Test
	void revocationTakesEffectOnTheVeryNextCall() {
		long producer = ApiTestClient.newProducer();
		CreatedCredential credential = this.api.credential(producer);
		String token = this.api.token(credential);
		String secondToken = this.api.token(credential);
		assertThat(this.api.call(HttpMethod.GET, OWN_PATH, token).getStatusCode()).isEqualTo(HttpStatus.OK);
		this.credentials.revoke(producer, credential.id());
		assertProblem(this.api.call(HttpMethod.GET, OWN_PATH, token), HttpStatus.UNAUTHORIZED, "invalid_token");
		assertCompatibleError(this.api.call(HttpMethod.GET, COMPATIBLE_PATH, secondToken), HttpStatus.UNAUTHORIZED,
				"invalid_token");
	}

	@Test
	void aCredentialCanRevokeItselfThroughTheApi() {
		CreatedCredential credential = this.api.credential(ApiTestClient.newProducer());
		String token = this.api.token(credential);
		assertThat(this.api.call(HttpMethod.DELETE, OWN_PATH + "/" + credential.id(), token).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertProblem(this.api.call(HttpMethod.GET, OWN_PATH, token), HttpStatus.UNAUTHORIZED, "invalid_token");
	}

	@Test
	void validTokenOnAnUnknownCompatiblePathIsNotFoundWithRateLimitHeaders() {
		String token = this.api.token(this.api.credential(ApiTestClient.newProducer()));
		ResponseEntity<String> response = this.api.call(HttpMethod.GET, "/payments/api/v1/no-such-endpoint", token);
		assertCompatibleError(response, HttpStatus.NOT_FOUND, "not_found");
		assertThat(response.getHeaders().getFirst("RateLimit-Limit")).isEqualTo("500");
		assertProblem(this.api.call(HttpMethod.GET, "/api/v1/no-such-thing", token), HttpStatus.NOT_FOUND, "not_found");
	}

	@Test
	void aProducersTokenNeverSeesAnotherProducersCredential() {
		long producerA = ApiTestClient.newProducer();
		long producerB = ApiTestClient.newProducer();
		String tokenA = this.api.token(this.api.credential(producerA));
		CreatedCredential credentialB = this.api.credential(producerB);
		String tokenB = this.api.token(credentialB);

		assertProblem(this.api.call(HttpMethod.GET, OWN_PATH + "/" + credentialB.id(), tokenA), HttpStatus.NOT_FOUND,
				"not_found");
		assertProblem(this.api.call(HttpMethod.DELETE, OWN_PATH + "/" + credentialB.id(), tokenA), HttpStatus.NOT_FOUND,
				"not_found");
		JsonNode listA = this.api.read(this.api.call(HttpMethod.GET, OWN_PATH + "?limit=500", tokenA));
		assertThat(listA.path("items").valueStream().map((c) -> c.path("id").asLong()))
			.doesNotContain(credentialB.id());

		assertThat(this.credentials.find(producerB, credentialB.id()).orElseThrow().active()).isTrue();
		ResponseEntity<String> stillWorks = this.api.call(HttpMethod.GET, OWN_PATH + "/" + credentialB.id(), tokenB);
		assertThat(stillWorks.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(this.api.read(stillWorks).path("status").asString()).isEqualTo("active");
	}

	@Test
	void apiDocsStayOpenWithoutAToken() {
		assertThat(this.http.getForEntity("/v3/api-docs", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		ResponseEntity<String> page = this.http.getForEntity("/api-docs", String.class);
		assertThat(page.getStatusCode().is2xxSuccessful() || page.getStatusCode().is3xxRedirection()).isTrue();
		assertThat(this.http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	private void assertCompatibleError(ResponseEntity<String> response, HttpStatus status, String error) {
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
		JsonNode body = this.api.read(response);
		assertThat(body.path("error").asString()).isEqualTo(error);
		assertThat(body.path("error_description").asString()).isNotBlank();
		assertThat(body.path("error_uri").asString())
			.isEqualTo("https://developers.hotmart.com/docs/pt-BR/start/http-response-codes/");
		if (status == HttpStatus.UNAUTHORIZED) {
			assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
		}
	}

	private void assertProblem(ResponseEntity<String> response, HttpStatus status, String error) {
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.as(String.valueOf(response.getHeaders().getContentType()))
			.isTrue();
		JsonNode body = this.api.read(response);
		assertThat(body.path("type").asString()).isEqualTo("about:blank");
		assertThat(body.path("title").asString()).isEqualTo(status.getReasonPhrase());
		assertThat(body.path("status").asInt()).isEqualTo(status.value());
		assertThat(body.path("detail").asString()).isNotBlank();
		assertThat(body.path("instance").asString()).startsWith("/api/v1");
		assertThat(body.path("error").asString()).isEqualTo(error);
		if (status == HttpStatus.UNAUTHORIZED) {
			assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
		}
	}

}
