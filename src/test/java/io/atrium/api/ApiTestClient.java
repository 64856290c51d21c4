package io.atrium.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP helpers for the API tests: credentials for fresh producers, tokens, bearer calls.
 */
final class ApiTestClient {

	private final TestRestTemplate http;

	private final JsonMapper json;

	private final ApiCredentials credentials;

	ApiTestClient(TestRestTemplate http, JsonMapper json, ApiCredentials credentials) {
		this.http = http;
		this.json = json;
		this.credentials = credentials;
	}

	/** A producer id nobody else uses (the accounts tables are not involved). */
	static long newProducer() {
		return ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
	}

	CreatedCredential credential(long producer) {
		return this.credentials.create(producer, "test " + producer);
	}

	static String basic(String id, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	/** Asks for a token the documented way and returns it. */
	String token(CreatedCredential credential) {
		ResponseEntity<String> response = tokenRequest(
				"/security/oauth/token?grant_type=client_credentials&client_id=" + credential.clientId()
						+ "&client_secret=" + credential.clientSecret(),
				basic(credential.clientId(), credential.clientSecret()), null, null);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return read(response).path("access_token").asString();
	}

	ResponseEntity<String> tokenRequest(String url, String authorization, MediaType contentType, String body) {
		HttpHeaders headers = new HttpHeaders();
		if (authorization != null) {
			headers.set(HttpHeaders.AUTHORIZATION, authorization);
		}
		if (contentType != null) {
			headers.setContentType(contentType);
		}
		return this.http.exchange(url, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
	}

	ResponseEntity<String> call(HttpMethod method, String path, String token) {
		return call(method, path, token, null, null);
	}

	ResponseEntity<String> call(HttpMethod method, String path, String token, String idempotencyKey, String body) {
		HttpHeaders headers = new HttpHeaders();
		if (token != null) {
			headers.setBearerAuth(token);
		}
		if (idempotencyKey != null) {
			headers.set("Idempotency-Key", idempotencyKey);
		}
		if (body != null) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		return this.http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
	}

	ResponseEntity<String> exchange(HttpMethod method, String path, HttpHeaders headers) {
		return this.http.exchange(path, method, new HttpEntity<>(null, headers), String.class);
	}

	JsonNode read(ResponseEntity<String> response) {
		return this.json.readTree(response.getBody());
	}

}
