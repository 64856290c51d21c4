package io.atrium.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /security/oauth/token} as every client of hotmart-api.md §1 sends it, and
 * every malformed request answered with the §2.1 body and no token created.
 */
@AtriumIntegrationTest
@AutoConfigureTestRestTemplate
class TokenEndpointIntegrationTests {

	private static final String TOKEN = "/security/oauth/token";

	private static final String ERROR_URI = "https://developers.hotmart.com/docs/pt-BR/start/http-response-codes/";

	@Autowired
	TestRestTemplate http;

	@Autowired
	JsonMapper json;

	@Autowired
	ApiCredentials credentials;

	@Autowired
	JdbcClient jdbc;

	ApiTestClient api;

	CreatedCredential credential;

	@BeforeEach
	void setUp() {
		this.api = new ApiTestClient(this.http, this.json, this.credentials);
		this.credential = this.api.credential(ApiTestClient.newProducer());
	}

	@Test
	void pythonClientQueryParamsAndBasicHeaderWithoutBody() {
		ResponseEntity<String> response = this.api.tokenRequest(
				TOKEN + "?grant_type=client_credentials&client_id=" + id() + "&client_secret=" + secret(), basic(),
				null, null);
		assertIssued(response);
	}

	@Test
	void mcpClientFormBodyWithGrantTypeOnlyAndBasicHeader() {
		ResponseEntity<String> response = this.api.tokenRequest(TOKEN, "Basic " + this.credential.basicToken(),
				MediaType.APPLICATION_FORM_URLENCODED, "grant_type=client_credentials");
		assertIssued(response);
	}

	@Test
	void automationNodeFormBodyWithScope() {
		ResponseEntity<String> response = this.api.tokenRequest(TOKEN, basic(), MediaType.APPLICATION_FORM_URLENCODED,
				"grant_type=client_credentials&scope=read%20write");
		assertIssued(response);
	}

	@Test
	void javascriptSnippetQueryStringWithFormContentTypeAndNoHeader() {
		ResponseEntity<String> response = this.api.tokenRequest(
				TOKEN + "?grant_type=client_credentials&client_id=" + id() + "&client_secret=" + secret(), null,
				MediaType.APPLICATION_FORM_URLENCODED, null);
		assertIssued(response);
	}

	@Test
	void documentedJsonContentTypeWithNoBody() {
		ResponseEntity<String> response = this.api.tokenRequest(
				TOKEN + "?grant_type=client_credentials&client_id=" + id() + "&client_secret=" + secret(), basic(),
				MediaType.APPLICATION_JSON, null);
		assertIssued(response);
	}

	@Test
	void basicValueWithoutPrefixOrInLowerCaseIsAccepted() {
		assertIssued(this.api.tokenRequest(TOKEN + "?grant_type=client_credentials", this.credential.basicToken(), null,
				null));
		assertIssued(this.api.tokenRequest(TOKEN + "?grant_type=client_credentials",
				"basic " + this.credential.basicToken(), null, null));
	}

	@Test
	void jsonBodyCarryingTheParametersIsAccepted() {
		assertIssued(this.api.tokenRequest(TOKEN, null, MediaType.APPLICATION_JSON,
				"{\"grant_type\":\"client_credentials\",\"client_id\":\"" + id() + "\",\"client_secret\":\"" + secret()
						+ "\"}"));
	}

	@Test
	void successBodyFieldByField() {
		ResponseEntity<String> response = this.api.tokenRequest(TOKEN + "?grant_type=client_credentials", basic(), null,
				null);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
		assertThat(response.getHeaders().getCacheControl()).contains("no-store");
		JsonNode body = this.api.read(response);
		assertThat(body.propertyNames()).containsExactlyInAnyOrder("access_token", "token_type", "expires_in", "scope",
				"jti");
		assertThat(body.path("token_type").asString()).isEqualTo("bearer");
		assertThat(body.path("expires_in").isIntegralNumber()).isTrue();
		assertThat(body.path("expires_in").asLong()).isEqualTo(172799);
		assertThat(body.path("scope").asString()).isEqualTo("read write");
		assertThat(UUID.fromString(body.path("jti").asString())).isNotNull();
		// a JWT signed with HS256 that names its credential, producer and jti and expires
		// when expires_in says
		String[] parts = body.path("access_token").asString().split("\\.");
		assertThat(parts).hasSize(3).allMatch((part) -> part.matches("[A-Za-z0-9_-]+"));
		JsonNode header = this.json.readTree(decoded(parts[0]));
		assertThat(header.path("alg").asString()).isEqualTo("HS256");
		JsonNode claims = this.json.readTree(decoded(parts[1]));
		assertThat(claims.path("jti").asString()).isEqualTo(body.path("jti").asString());
		assertThat(claims.path("cid").asLong()).isEqualTo(this.credential.id());
		assertThat(claims.path("pid").asLong()).isEqualTo(producerOf(this.credential));
		assertThat(claims.path("client_id").asString()).isEqualTo(id());
		assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(172799);
		String token = body.path("access_token").asString();
		assertThat(this.api.call(HttpMethod.GET, "/api/v1/credentials", token).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		ResponseEntity<String> second = this.api.tokenRequest(TOKEN + "?grant_type=client_credentials", basic(), null,
				null);
		assertThat(this.api.read(second).path("access_token").asString()).isNotEqualTo(token);
		assertThat(this.api.read(second).path("jti").asString()).isNotEqualTo(body.path("jti").asString());
	}

	@Test
	void missingGrantTypeIsInvalidParameter() {
		assertRefused(this.api.tokenRequest(TOKEN, basic(), null, null), HttpStatus.BAD_REQUEST, "invalid_parameter");
		assertRefused(this.api.tokenRequest(TOKEN, basic(), MediaType.APPLICATION_FORM_URLENCODED, "scope=read"),
				HttpStatus.BAD_REQUEST, "invalid_parameter");
	}

	@Test
	void unsupportedGrantTypeIsInvalidParameter() {
		ResponseEntity<String> response = this.api.tokenRequest(TOKEN + "?grant_type=password", basic(), null, null);
		assertRefused(response, HttpStatus.BAD_REQUEST, "invalid_parameter");
		assertThat(this.api.read(response).path("error_description").asString()).contains("grant_type");
	}

	@Test
	void missingCredentialsAreUnauthorized() {
		assertInvalidClient(this.api.tokenRequest(TOKEN + "?grant_type=client_credentials", null, null, null));
		assertInvalidClient(
				this.api.tokenRequest(TOKEN + "?grant_type=client_credentials&client_id=" + id(), null, null, null));
	}

	@Test
	void malformedBasicHeadersAreUnauthorized() {
		String grant = TOKEN + "?grant_type=client_credentials";
		assertInvalidClient(this.api.tokenRequest(grant, "Basic !!!not-base64***", null, null));
		assertInvalidClient(this.api.tokenRequest(grant, "Basic " + b64("no-colon-here"), null, null));
		assertInvalidClient(this.api.tokenRequest(grant, "Basic " + b64(":only-secret"), null, null));
		assertInvalidClient(this.api.tokenRequest(grant, "Basic " + b64(id() + ":"), null, null));
		assertInvalidClient(this.api.tokenRequest(grant, "Basic", null, null));
		assertInvalidClient(this.api.tokenRequest(grant, "Bearer " + this.credential.basicToken(), null, null));
		assertInvalidClient(this.api.tokenRequest(grant, "Basic " + "A".repeat(6000), null, null));
	}

	@Test
	void wrongSecretOrUnknownIdIsUnauthorized() {
		String grant = TOKEN + "?grant_type=client_credentials";
		assertInvalidClient(this.api.tokenRequest(grant, ApiTestClient.basic(id(), secret() + "x"), null, null));
		assertInvalidClient(
				this.api.tokenRequest(grant, ApiTestClient.basic(UUID.randomUUID().toString(), secret()), null, null));
		assertInvalidClient(this.api.tokenRequest(grant + "&client_id=" + id() + "&client_secret=wrong", null,
				MediaType.APPLICATION_FORM_URLENCODED, null));
	}

	@Test
	void queryCredentialsDisagreeingWithTheHeaderAreUnauthorized() {
		CreatedCredential other = this.api.credential(ApiTestClient.newProducer());
		assertInvalidClient(this.api.tokenRequest(TOKEN + "?grant_type=client_credentials&client_id=" + other.clientId()
				+ "&client_secret=" + other.clientSecret(), basic(), null, null));
		assertInvalidClient(this.api.tokenRequest(
				TOKEN + "?grant_type=client_credentials&client_id=" + id() + "&client_secret=" + other.clientSecret(),
				basic(), null, null));
	}

	@Test
	void revokedCredentialGetsNoToken() {
		this.credentials.revoke(producerOf(this.credential), this.credential.id());
		assertInvalidClient(this.api.tokenRequest(TOKEN + "?grant_type=client_credentials", basic(), null, null));
	}

	@Test
	void tokenRequestsUpdateLastUse() {
		assertThat(this.credentials.find(producerOf(this.credential), this.credential.id()).orElseThrow().lastUsedAt())
			.isNull();
		this.api.token(this.credential);
		assertThat(this.credentials.find(producerOf(this.credential), this.credential.id()).orElseThrow().lastUsedAt())
			.isNotNull();
	}

	@Test
	void tokenResponsesCarryRateLimitHeaders() {
		HttpHeaders headers = this.api.tokenRequest(TOKEN + "?grant_type=client_credentials", basic(), null, null)
			.getHeaders();
		assertThat(headers.getFirst("RateLimit-Limit")).isEqualTo("500");
		assertThat(headers.getFirst("X-RateLimit-Limit-Minute")).isEqualTo("500");
		assertThat(Long.parseLong(headers.getFirst("RateLimit-Remaining"))).isBetween(0L, 499L);
	}

	private void assertIssued(ResponseEntity<String> response) {
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
		JsonNode body = this.api.read(response);
		assertThat(body.path("token_type").asString()).isEqualTo("bearer");
		assertThat(body.path("expires_in").asLong()).isEqualTo(172799);
		assertThat(this.api.call(HttpMethod.GET, "/api/v1/credentials", body.path("access_token").asString())
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private void assertInvalidClient(ResponseEntity<String> response) {
		assertRefused(response, HttpStatus.UNAUTHORIZED, "unauthorized");
		assertThat(this.api.read(response).path("error_description").asString())
			.isEqualTo("Invalid client credentials");
	}

	private void assertRefused(ResponseEntity<String> response, HttpStatus status, String error) {
		assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
		JsonNode body = this.api.read(response);
		assertThat(body.path("error").asString()).isEqualTo(error);
		assertThat(body.path("error_description").asString()).isNotBlank();
		assertThat(body.path("error_uri").asString()).isEqualTo(ERROR_URI);
		assertThat(body.path("message").asString()).isNotBlank();
		assertThat(body.has("access_token")).isFalse();
	}

	private static String decoded(String part) {
		return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
	}

	private long producerOf(CreatedCredential c) {
		return this.jdbc.sql("SELECT producer_account_id FROM api_credentials WHERE id = ?")
			.param(c.id())
			.query(Long.class)
			.single();
	}

	private String id() {
		return this.credential.clientId();
	}

	private String secret() {
		return this.credential.clientSecret();
	}

	private String basic() {
		return ApiTestClient.basic(id(), secret());
	}

	private static String b64(String value) {
		return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

}
