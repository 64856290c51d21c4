package io.atrium.webhooks;

import java.util.UUID;

import io.atrium.accounts.Accounts;
import io.atrium.api.ApiCredentials;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.checkout.Checkout;
import io.atrium.support.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/webhooks}: endpoints with their secret shown once, rotation, the hottok,
 * test events, the delivery log with its filters and paging, resends and replays, each
 * scoped to the calling producer, with problem details for bad input.
 */
@WebhookIntegrationTest
class WebhooksApiIntegrationTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ApiCredentials credentials;

	@Autowired
	Accounts accounts;

	@Autowired
	Products products;

	@Autowired
	Offers offers;

	@Autowired
	Checkout checkout;

	@Autowired
	Webhooks webhooks;

	Receiver receiver;

	ApiProducer api;

	@BeforeEach
	void setUp() {
		this.receiver = new Receiver();
		long producer = new WebhookWorld(this.accounts, this.products, this.offers, this.checkout, this.webhooks)
			.producer();
		this.api = new ApiProducer(producer, this.http, this.credentials);
	}

	@AfterEach
	void tearDown() {
		this.receiver.close();
	}

	@Test
	void endpointsAreCreatedChangedRotatedAndDeleted() {
		String body = """
				{"url":"%s","description":"My members area","events":["PURCHASE_APPROVED","purchase_refunded"]}
				""".formatted(this.receiver.url());
		String key = UUID.randomUUID().toString();
		ResponseEntity<String> created = this.api.call(HttpMethod.POST, "/api/v1/webhooks/endpoints", key, body);
		assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
		JsonNode json = ApiProducer.JSON.readTree(created.getBody());
		String secret = json.path("secret").asString();
		long id = json.path("endpoint").path("id").asLong();
		assertThat(secret).startsWith("whsec_");
		assertThat(created.getHeaders().getLocation()).hasPath("/api/v1/webhooks/endpoints/" + id);
		assertThat(json.path("endpoint").path("events").toString())
			.isEqualTo("[\"PURCHASE_APPROVED\",\"PURCHASE_REFUNDED\"]");
		assertThat(json.path("endpoint").path("product_ids")).isEmpty();
		assertThat(json.path("endpoint").path("status").asString()).isEqualTo("ACTIVE");
		// the same key answers the same creation again
		JsonNode again = this.api.expect(201, HttpMethod.POST, "/api/v1/webhooks/endpoints", key, body);
		assertThat(again.path("secret").asString()).isEqualTo(secret);
		assertThat(this.api.get("/api/v1/webhooks/endpoints").path("items")).hasSize(1);
		this.api.expect(400, HttpMethod.POST, "/api/v1/webhooks/endpoints", null, body);

		JsonNode one = this.api.get("/api/v1/webhooks/endpoints/" + id);
		assertThat(one.has("secret")).isFalse();
		assertThat(one.path("description").asString()).isEqualTo("My members area");
		JsonNode changed = this.api.expect(200, HttpMethod.PUT, "/api/v1/webhooks/endpoints/" + id, null, """
				{"url":"%s","events":["SWITCH_PLAN"]}""".formatted(this.receiver.url()));
		assertThat(changed.path("events").toString()).isEqualTo("[\"SWITCH_PLAN\"]");
		JsonNode invalid = this.api.expect(400, HttpMethod.PUT, "/api/v1/webhooks/endpoints/" + id, null, """
				{"url":"%s","events":["CART_ABANDONMENT"]}""".formatted(this.receiver.url()));
		assertThat(invalid.path("error").asString()).isEqualTo("invalid_parameter");
		assertThat(invalid.path("errors").get(0).path("field").asString()).isEqualTo("events");
		assertThat(invalid.path("detail").asString()).contains("CART_ABANDONMENT");
		JsonNode noEvents = this.api.expect(400, HttpMethod.POST, "/api/v1/webhooks/endpoints",
				UUID.randomUUID().toString(), "{\"url\":\"%s\",\"events\":[]}".formatted(this.receiver.url()));
		assertThat(noEvents.path("errors").get(0).path("field").asString()).isEqualTo("events");
		JsonNode badUrl = this.api.expect(400, HttpMethod.POST, "/api/v1/webhooks/endpoints",
				UUID.randomUUID().toString(), "{\"url\":\"ftp://example.com\",\"events\":[\"PURCHASE_APPROVED\"]}");
		assertThat(badUrl.path("errors").get(0).path("field").asString()).isEqualTo("url");
		JsonNode foreignProduct = this.api
			.expect(400, HttpMethod.POST, "/api/v1/webhooks/endpoints", UUID.randomUUID().toString(), """
					{"url":"%s","events":["PURCHASE_APPROVED"],"product_ids":[42]}""".formatted(this.receiver.url()));
		assertThat(foreignProduct.path("errors").get(0).path("field").asString()).isEqualTo("product_ids");

		JsonNode rotated = this.api.expect(200, HttpMethod.POST, "/api/v1/webhooks/endpoints/" + id + "/rotate-secret",
				null, null);
		assertThat(rotated.path("secret").asString()).startsWith("whsec_").isNotEqualTo(secret);
		assertThat(rotated.path("endpoint").path("previous_secret_expires_at").isString()).isTrue();

		assertThat(this.api.expect(200, HttpMethod.POST, "/api/v1/webhooks/endpoints/" + id + "/disable", null, null)
			.path("disabled_reason")
			.asString()).isEqualTo("PRODUCER");
		assertThat(this.api.expect(200, HttpMethod.POST, "/api/v1/webhooks/endpoints/" + id + "/enable", null, null)
			.path("status")
			.asString()).isEqualTo("ACTIVE");

		// another producer sees nothing of it
		ApiProducer other = new ApiProducer(this.api.producer + 1_000_000_000L, this.http, this.credentials);
		other.expect(404, HttpMethod.GET, "/api/v1/webhooks/endpoints/" + id, null, null);
		other.expect(404, HttpMethod.DELETE, "/api/v1/webhooks/endpoints/" + id, null, null);
		assertThat(other.get("/api/v1/webhooks/endpoints").path("items")).isEmpty();

		assertThat(this.api.call(HttpMethod.DELETE, "/api/v1/webhooks/endpoints/" + id, null, null)
			.getStatusCode()
			.value()).isEqualTo(204);
		this.api.expect(404, HttpMethod.GET, "/api/v1/webhooks/endpoints/" + id, null, null);
	}

	@Test
	void theHottokIsShownAndRegenerated() {
		String hottok = this.api.get("/api/v1/webhooks/hottok").path("hottok").asString();
		assertThat(hottok).hasSizeGreaterThan(20);
		assertThat(this.api.get("/api/v1/webhooks/hottok").path("hottok").asString()).isEqualTo(hottok);
		String regenerated = this.api.expect(200, HttpMethod.POST, "/api/v1/webhooks/hottok/regenerate", null, null)
			.path("hottok")
			.asString();
		assertThat(regenerated).isNotEqualTo(hottok);
		assertThat(this.api.get("/api/v1/webhooks/hottok").path("hottok").asString()).isEqualTo(regenerated);
	}

	@Test
	void testEventsFillTheLogWhichIsFilteredPagedResentAndReplayed() {
		long id = this.api
			.expect(201, HttpMethod.POST, "/api/v1/webhooks/endpoints", UUID.randomUUID().toString(),
					"{\"url\":\"%s\",\"events\":[\"PURCHASE_APPROVED\"]}".formatted(this.receiver.url()))
			.path("endpoint")
			.path("id")
			.asLong();
		JsonNode test = this.api.expect(202, HttpMethod.POST, "/api/v1/webhooks/endpoints/" + id + "/test", null,
				"{\"event\":\"SWITCH_PLAN\"}");
		assertThat(test.path("event").asString()).isEqualTo("SWITCH_PLAN");
		assertThat(test.path("test").asBoolean()).isTrue();
		this.api.expect(202, HttpMethod.POST, "/api/v1/webhooks/endpoints/" + id + "/test", null, null);
		this.api.expect(400, HttpMethod.POST, "/api/v1/webhooks/endpoints/" + id + "/test", null,
				"{\"event\":\"NOPE\"}");
		this.receiver.await(2);
		Eventually.until("both delivered",
				() -> this.api.get("/api/v1/webhooks/deliveries?status=DELIVERED").path("items").size() == 2);

		JsonNode page = this.api.get("/api/v1/webhooks/deliveries?limit=1");
		assertThat(page.path("items")).hasSize(1);
		assertThat(page.path("items").get(0).path("event").asString()).isEqualTo("PURCHASE_APPROVED");
		JsonNode next = this.api
			.get("/api/v1/webhooks/deliveries?limit=1&cursor=" + page.path("next_cursor").asString());
		assertThat(next.path("items").get(0).path("event").asString()).isEqualTo("SWITCH_PLAN");
		assertThat(next.has("next_cursor")).isFalse();
		assertThat(this.api.get("/api/v1/webhooks/deliveries?event=SWITCH_PLAN").path("items")).hasSize(1);
		assertThat(this.api.get("/api/v1/webhooks/deliveries?status=FAILED").path("items")).isEmpty();
		assertThat(this.api.get("/api/v1/webhooks/deliveries?transaction=HP00000000000000&endpoint_id=" + id)
			.path("items")).hasSize(2);
		this.api.expect(400, HttpMethod.GET, "/api/v1/webhooks/deliveries?status=LOST", null, null);

		long deliveryId = test.path("id").asLong();
		JsonNode detail = this.api.get("/api/v1/webhooks/deliveries/" + deliveryId);
		assertThat(detail.path("delivery").path("status").asString()).isEqualTo("DELIVERED");
		assertThat(ApiProducer.JSON.readTree(detail.path("payload").asString()).path("id").asString())
			.isEqualTo(test.path("event_id").asString());
		assertThat(detail.path("attempts")).hasSize(1);
		assertThat(detail.path("attempts").get(0).path("status_code").asInt()).isEqualTo(200);
		assertThat(detail.path("attempts").get(0).path("response_body").asString()).isEqualTo("answer 200");

		assertThat(this.api
			.expect(202, HttpMethod.POST, "/api/v1/webhooks/deliveries/" + deliveryId + "/resend", null, null)
			.path("scheduled")
			.asLong()).isEqualTo(1);
		this.receiver.await(3);
		assertThat(this.receiver.requests().get(2).header("webhook-id")).isEqualTo(test.path("event_id").asString());
		this.api.expect(400, HttpMethod.POST, "/api/v1/webhooks/deliveries/resend", null, "{\"delivery_ids\":[]}");
		assertThat(this.api
			.expect(202, HttpMethod.POST, "/api/v1/webhooks/endpoints/" + id + "/replay", null,
					"{\"since\":\"2020-01-01T00:00:00Z\"}")
			.path("scheduled")
			.asLong()).isZero();
		this.api.expect(400, HttpMethod.POST, "/api/v1/webhooks/endpoints/" + id + "/replay", null, "{}");
		ApiProducer other = new ApiProducer(this.api.producer + 1_000_000_000L, this.http, this.credentials);
		other.expect(404, HttpMethod.GET, "/api/v1/webhooks/deliveries/" + deliveryId, null, null);
		assertThat(other.get("/api/v1/webhooks/deliveries").path("items")).isEmpty();
		assertThat(other
			.expect(202, HttpMethod.POST, "/api/v1/webhooks/deliveries/resend", null,
					"{\"delivery_ids\":[" + deliveryId + "]}")
			.path("scheduled")
			.asLong()).isZero();
		// a deleted endpoint's deliveries are not sent again (they would wait for ever)
		this.api.expect(204, HttpMethod.DELETE, "/api/v1/webhooks/endpoints/" + id, null, null);
		assertThat(this.api
			.expect(202, HttpMethod.POST, "/api/v1/webhooks/deliveries/" + deliveryId + "/resend", null, null)
			.path("scheduled")
			.asLong()).isZero();
		assertThat(this.api.get("/api/v1/webhooks/deliveries/" + deliveryId).path("delivery").path("status").asString())
			.isEqualTo("DELIVERED");
	}

}
