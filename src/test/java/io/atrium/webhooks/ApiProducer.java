package io.atrium.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.atrium.api.ApiCredentials;
import io.atrium.api.CreatedCredential;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer calling {@code /api/v1} with a bearer token.
 */
final class ApiProducer {

	static final JsonMapper JSON = JsonMapper.builder().build();

	final long producer;

	private final TestRestTemplate http;

	private final String token;

	ApiProducer(long producer, TestRestTemplate http, ApiCredentials credentials) {
		this.producer = producer;
		this.http = http;
		CreatedCredential credential = credentials.create(producer, "webhooks test");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
			.encodeToString(
					(credential.clientId() + ":" + credential.clientSecret()).getBytes(StandardCharsets.UTF_8)));
		ResponseEntity<String> response = http.exchange("/security/oauth/token?grant_type=client_credentials",
				HttpMethod.POST, new HttpEntity<>(null, headers), String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		this.token = JSON.readTree(response.getBody()).path("access_token").asString();
	}

	ResponseEntity<String> call(HttpMethod method, String path, String idempotencyKey, String body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(this.token);
		if (idempotencyKey != null) {
			headers.set("Idempotency-Key", idempotencyKey);
		}
		if (body != null) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		return this.http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
	}

	/** Calls and reads the JSON answer, checking the status. */
	JsonNode expect(int status, HttpMethod method, String path, String idempotencyKey, String body) {
		ResponseEntity<String> response = call(method, path, idempotencyKey, body);
		assertThat(response.getStatusCode().value()).as(method + " " + path + ": " + response.getBody())
			.isEqualTo(status);
		return (response.getBody() != null) ? JSON.readTree(response.getBody()) : null;
	}

	JsonNode get(String path) {
		return expect(200, HttpMethod.GET, path, null, null);
	}

}
