package io.atrium.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.RawHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What clients written against the real Hotmart service send (issue 9 item 10 and the
 * bad-input part of item 5), sent byte for byte: every variant of the token request,
 * sloppy content types on reads and deletes, and the JSON error body on every API error,
 * including 404, 405 and 415 raised before any controller runs.
 */
@AtriumIntegrationTest
@AutoConfigureTestRestTemplate
class ClientContractIntegrationTests {

	private static final String TOKEN = "/security/oauth/token";

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Autowired
	JsonMapper json;

	@Autowired
	ApiCredentials credentials;

	CreatedCredential credential;

	@BeforeEach
	void credential() {
		this.credential = new ApiTestClient(this.http, this.json, this.credentials)
			.credential(ApiTestClient.newProducer());
	}

	RawHttp.Response send(String head, String body) throws Exception {
		return RawHttp.send(this.port, head, body.getBytes(StandardCharsets.UTF_8));
	}

	JsonNode json(RawHttp.Response response) {
		return this.json.readTree(response.body());
	}

	String token() throws Exception {
		RawHttp.Response response = send("POST " + TOKEN + "?grant_type=client_credentials HTTP/1.1\r\n"
				+ "Authorization: Basic " + this.credential.basicToken() + "\r\n", "");
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return json(response).path("access_token").asString();
	}

	/** An error body every client can read: error, error_description and message. */
	void assertErrorBody(RawHttp.Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().get("content-type")).as(response.body()).contains("json");
		JsonNode body = json(response);
		assertThat(body.isObject()).isTrue();
		assertThat(body.path("error").asString()).as(response.body()).isNotBlank();
		assertThat(body.path("error_description").asString()).as(response.body()).isNotBlank();
		assertThat(body.path("message").asString()).as(response.body()).isNotBlank();
	}

	@Test
	void everyShapeOfTheTokenRequestRealClientsSendIsAccepted() throws Exception {
		String b64 = this.credential.basicToken();
		String id = this.credential.clientId();
		String secret = this.credential.clientSecret();
		String query = "?grant_type=client_credentials";
		List<String[]> requests = List.of(
				// the documented form: query credentials, Basic header, JSON content
				// type, no body
				new String[] {
						"POST " + TOKEN + query + "&client_id=" + id + "&client_secret=" + secret
								+ " HTTP/1.1\r\nAuthorization: Basic " + b64 + "\r\nContent-Type: application/json\r\n",
						"" },
				// the Python client: the user's "Basic ..." value, and the client adds
				// its own prefix
				new String[] { "POST " + TOKEN + query + " HTTP/1.1\r\nAuthorization: Basic Basic " + b64 + "\r\n",
						"" },
				new String[] { "POST " + TOKEN + query + " HTTP/1.1\r\nAuthorization: basic " + b64 + "\r\n", "" },
				// the bare value, no prefix
				new String[] { "POST " + TOKEN + query + " HTTP/1.1\r\nAuthorization: " + b64 + "\r\n", "" },
				// credentials only in the query, no Content-Type
				new String[] {
						"POST " + TOKEN + query + "&client_id=" + id + "&client_secret=" + secret + " HTTP/1.1\r\n",
						"" },
				// everything in the form body
				new String[] { "POST " + TOKEN + " HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\n",
						"grant_type=client_credentials&client_id=" + id + "&client_secret=" + secret },
				// the MCP client and the automation node: grant type and scope in the
				// form, Basic header
				new String[] {
						"POST " + TOKEN + " HTTP/1.1\r\nAuthorization: Basic " + b64
								+ "\r\nContent-Type: application/x-www-form-urlencoded\r\n",
						"grant_type=client_credentials&scope=read%20write" },
				// application/json with an empty body and query parameters
				new String[] { "POST " + TOKEN + query + "&client_id=" + id + "&client_secret=" + secret
						+ " HTTP/1.1\r\nContent-Type: application/json\r\n", "" });
		for (String[] request : requests) {
			RawHttp.Response response = send(request[0], request[1]);
			assertThat(response.status()).as(request[0] + request[1] + " -> " + response.body()).isEqualTo(200);
			assertThat(json(response).path("access_token").asString()).isNotBlank();
		}
	}

	@Test
	void readsAndDeletesTolerateAnyContentTypeAndAnEmptyBody() throws Exception {
		String bearer = "Authorization: Bearer " + token() + "\r\n";
		for (String type : List.of("", "Content-Type: application/json\r\n", "Content-Type: text/plain\r\n")) {
			RawHttp.Response own = send("GET /api/v1/credentials HTTP/1.1\r\n" + bearer + type, "");
			assertThat(own.status()).as(type + own.body()).isEqualTo(200);
			RawHttp.Response compatible = send("GET /products/api/v1/products HTTP/1.1\r\n" + bearer + type, "");
			assertThat(compatible.status()).as(type + compatible.body()).isEqualTo(200);
			RawHttp.Response delete = send("DELETE /products/api/v1/coupon/999999999 HTTP/1.1\r\n" + bearer + type, "");
			assertErrorBody(delete, 404);
		}
	}

	@Test
	void everyApiErrorIsAJsonObjectWithErrorDescriptionAndMessage() throws Exception {
		String bearer = "Authorization: Bearer " + token() + "\r\n";
		// unknown routes
		assertErrorBody(send("GET /api/v1/no-such-thing HTTP/1.1\r\n" + bearer, ""), 404);
		assertErrorBody(send("GET /payments/api/v1/no-such-thing HTTP/1.1\r\n" + bearer, ""), 404);
		assertErrorBody(send("GET /club/api/v9/nothing HTTP/1.1\r\n" + bearer, ""), 404);
		// no token
		assertErrorBody(send("GET /api/v1/credentials HTTP/1.1\r\n", ""), 401);
		assertErrorBody(send("GET /products/api/v1/products HTTP/1.1\r\n", ""), 401);
		// a method the token endpoint does not serve
		assertErrorBody(send("GET " + TOKEN + " HTTP/1.1\r\n", ""), 405);
		assertErrorBody(send("DELETE " + TOKEN + " HTTP/1.1\r\n", ""), 405);
		// a JSON endpoint sent text/plain
		assertErrorBody(send("POST /api/v1/credentials HTTP/1.1\r\n" + bearer + "Idempotency-Key: " + UUID.randomUUID()
				+ "\r\nContent-Type: text/plain\r\n", "{\"name\":\"x\"}"), 415);
		assertErrorBody(
				send("POST /products/api/v1/product/1/coupon HTTP/1.1\r\n" + bearer + "Content-Type: text/plain\r\n",
						"{\"code\":\"X\",\"discount\":0.1}"),
				415);
		// a body that is not JSON at all
		assertErrorBody(send(
				"POST /products/api/v1/product/1/coupon HTTP/1.1\r\n" + bearer + "Content-Type: application/json\r\n",
				"{\"code\":"), 400);
		// a malformed form body on a PATCH, read by Spring's form filter before any
		// controller
		assertErrorBody(send("PATCH /api/v1/products/1 HTTP/1.1\r\n" + bearer
				+ "Content-Type: application/x-www-form-urlencoded\r\n", "name=%ZZ"), 400);
		assertErrorBody(send("PATCH /payments/api/v1/subscriptions/X53ZPFQZ HTTP/1.1\r\n" + bearer
				+ "Content-Type: application/x-www-form-urlencoded\r\n", "due_day=%ZZ"), 400);
		// a problem detail of Atrium's own API carries the same three members
		RawHttp.Response problem = send("GET /api/v1/no-such-thing HTTP/1.1\r\n" + bearer, "");
		assertThat(json(problem).path("status").asInt()).isEqualTo(404);
		assertThat(json(problem).path("detail").asString()).isNotBlank();
	}

	@Test
	void malformedMultipartOnTheTokenEndpointIs400() throws Exception {
		RawHttp.Response response = send(
				"POST " + TOKEN + " HTTP/1.1\r\nAuthorization: Basic " + this.credential.basicToken()
						+ "\r\nContent-Type: multipart/form-data; boundary=XYZ\r\n",
				"--XYZ\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\nclient_cred");
		assertErrorBody(response, 400);
		RawHttp.Response noBoundary = send("POST " + TOKEN + " HTTP/1.1\r\nAuthorization: Basic "
				+ this.credential.basicToken() + "\r\nContent-Type: multipart/form-data\r\n", "garbage");
		assertThat(noBoundary.status()).as(noBoundary.body()).isBetween(400, 499);
		assertErrorBody(noBoundary, noBoundary.status());
	}

	@Test
	void controlCharactersAndNonAsciiIdempotencyKeysAre400() throws Exception {
		String bearer = "Authorization: Bearer " + token() + "\r\n";
		assertErrorBody(send("GET /products/api/v1/products?status=A%00B HTTP/1.1\r\n" + bearer, ""), 400);
		assertErrorBody(send("GET /api/v1/credentials?cursor=%01 HTTP/1.1\r\n" + bearer, ""), 400);
		assertErrorBody(send("GET /club/api/v1/users/ab%01cd/lessons?subdomain=x HTTP/1.1\r\n" + bearer, ""), 400);
		// Tomcat itself refuses an encoded NUL in the path, before the application sees
		// it
		assertThat(send("GET /club/api/v1/users/ab%00cd/lessons HTTP/1.1\r\n" + bearer, "").status()).isEqualTo(400);
		assertErrorBody(send("POST /api/v1/credentials HTTP/1.1\r\n" + bearer + "Idempotency-Key: " + UUID.randomUUID()
				+ "\r\nContent-Type: application/json\r\n", "{\"name\":\"a\\u0000b\"}"), 400);
		RawHttp.Response nonAscii = send("POST /api/v1/credentials HTTP/1.1\r\n" + bearer
				+ "Idempotency-Key: chave-ção-☃\r\nContent-Type: application/json\r\n", "{\"name\":\"ok\"}");
		assertErrorBody(nonAscii, 400);
	}

}
