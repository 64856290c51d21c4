package io.atrium.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

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
 * A producer calling the API with a bearer token of its own credential.
 */
final class ApiCaller {

	final long producer;

	private final TestRestTemplate http;

	private final JsonMapper json;

	private final String token;

	private ApiCaller(long producer, TestRestTemplate http, JsonMapper json, String token) {
		this.producer = producer;
		this.http = http;
		this.json = json;
		this.token = token;
	}

	/** A fresh producer id (the accounts tables are not involved) with a token. */
	static ApiCaller newProducer(TestRestTemplate http, JsonMapper json, ApiCredentials credentials) {
		long producer = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
		CreatedCredential credential = credentials.create(producer, "catalog test");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
			.encodeToString(
					(credential.clientId() + ":" + credential.clientSecret()).getBytes(StandardCharsets.UTF_8)));
		ResponseEntity<String> response = http.exchange("/security/oauth/token?grant_type=client_credentials",
				HttpMethod.POST, new HttpEntity<>(null, headers), String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return new ApiCaller(producer, http, json, json.readTree(response.getBody()).path("access_token").asString());
	}

	ResponseEntity<String> call(HttpMethod method, String path) {
		return call(method, path, null, null);
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

	JsonNode read(ResponseEntity<String> response) {
		return this.json.readTree(response.getBody());
	}

	/** Calls and reads the JSON answer, checking the status. */
	JsonNode expect(int status, HttpMethod method, String path, String idempotencyKey, String body) {
		ResponseEntity<String> response = call(method, path, idempotencyKey, body);
		assertThat(response.getStatusCode().value()).as(method + " " + path + ": " + response.getBody())
			.isEqualTo(status);
		return (response.getBody() != null) ? read(response) : null;
	}

	JsonNode get(String path) {
		return expect(200, HttpMethod.GET, path, null, null);
	}

}
