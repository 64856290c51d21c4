package io.atrium.checkout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.atrium.api.ApiCredentials;
import io.atrium.api.CreatedCredential;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/checkout} over real HTTP, for tests that fire many at once.
 */
final class CheckoutApi {

	private final int port;

	private final JsonMapper json;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(30))
		.build();

	CheckoutApi(int port, JsonMapper json) {
		this.port = port;
		this.json = json;
	}

	String token(ApiCredentials credentials, long producer) {
		CreatedCredential credential = credentials.create(producer, "concurrency test");
		HttpResponse<String> response = send(HttpRequest
			.newBuilder(
					URI.create("http://localhost:" + this.port + "/security/oauth/token?grant_type=client_credentials"))
			.header("Authorization", "Basic " + credential.basicToken())
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(200);
		return this.json.readTree(response.body()).path("access_token").asString();
	}

	HttpResponse<String> post(String token, String key, String body) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/checkout"))
			.timeout(Duration.ofSeconds(120))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	static String cardBody(String offer, String email, String number) {
		return "{\"offer_code\":\"" + offer + "\",\"buyer\":{\"name\":\"Ana Souza\",\"email\":\"" + email
				+ "\",\"locale\":\"pt-BR\"},\"payment\":{\"method\":\"CARD\",\"card\":{\"number\":\"" + number
				+ "\",\"holder\":\"ANA\",\"exp_month\":12,\"exp_year\":2099,\"cvc\":\"123\"}}}";
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
