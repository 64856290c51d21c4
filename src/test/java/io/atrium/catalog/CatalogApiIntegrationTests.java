package io.atrium.catalog;

import java.util.UUID;

import io.atrium.api.ApiCredentials;
import io.atrium.support.AtriumIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Atrium's own catalog API over HTTP: products, offers and coupons, idempotent creation,
 * problem details, pagination and producer isolation.
 */
@AtriumIntegrationTest
@AutoConfigureTestRestTemplate
class CatalogApiIntegrationTests {

	static final String PRODUCT = """
			{"name":"API course","description":"By API","support_email":"api@example.com","format":"ONLINE_COURSE",
			 "status":"ACTIVE","warranty_days":30}""";

	@Autowired
	TestRestTemplate http;

	@Autowired
	JsonMapper json;

	@Autowired
	ApiCredentials credentials;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	ApiCaller api;

	@BeforeEach
	void producer() {
		this.api = ApiCaller.newProducer(this.http, this.json, this.credentials);
	}

	String key() {
		return UUID.randomUUID().toString();
	}

	long count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	@Test
	void productsAreCreatedReadListedAndPatched() {
		JsonNode created = this.api.expect(201, HttpMethod.POST, "/api/v1/products", key(), PRODUCT);
		long id = created.path("id").asLong();
		assertThat(id).isBetween(1_000_000L, 9_999_999L);
		assertThat(UUID.fromString(created.path("ucode").asString())).isNotNull();
		assertThat(created.path("name").asString()).isEqualTo("API course");
		assertThat(created.path("support_email").asString()).isEqualTo("api@example.com");
		assertThat(created.path("warranty_days").asInt()).isEqualTo(30);
		assertThat(created.path("delivery").path("kind").asString()).isEqualTo("MEMBERS_AREA");
		assertThat(created.path("image_url").isNull()).isTrue();
		assertThat(created.path("main_offer_id").isNull()).isTrue();
		assertThat(created.path("offer_count").asInt()).isZero();

		assertThat(this.api.get("/api/v1/products/" + id)).isEqualTo(created);

		JsonNode patched = this.api.expect(200, HttpMethod.PATCH, "/api/v1/products/" + id, null, """
				{"status":"PAUSED","delivery":{"kind":"EXTERNAL","external_url":"https://members.example.com",
				 "access_instructions":"Log in with your e-mail"}}""");
		assertThat(patched.path("status").asString()).isEqualTo("PAUSED");
		assertThat(patched.path("name").asString()).isEqualTo("API course");
		assertThat(patched.path("delivery").path("external_url").asString()).isEqualTo("https://members.example.com");

		JsonNode bad = this.api.expect(400, HttpMethod.PATCH, "/api/v1/products/" + id, null,
				"{\"name\":\" \",\"warranty_days\":10}");
		assertThat(bad.path("error").asString()).isEqualTo("invalid_parameter");
		assertThat(bad.path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "warranty_days");
		assertThat(this.api.get("/api/v1/products/" + id).path("name").asString()).isEqualTo("API course");

		this.api.expect(201, HttpMethod.POST, "/api/v1/products", key(), PRODUCT.replace("API course", "Second"));
		this.api.expect(201, HttpMethod.POST, "/api/v1/products", key(), PRODUCT.replace("API course", "Third"));
		JsonNode first = this.api.get("/api/v1/products?limit=2");
		assertThat(first.path("items")).hasSize(2);
		JsonNode second = this.api.get("/api/v1/products?limit=2&cursor=" + first.path("next_cursor").asString());
		assertThat(second.path("items")).hasSize(1);
		assertThat(second.path("items").get(0).path("name").asString()).isEqualTo("Third");
		assertThat(second.has("next_cursor")).isFalse();
		assertThat(this.api.get("/api/v1/products?status=PAUSED").path("items")).hasSize(1);
	}

	@Test
	void creatingIsIdempotentAndAReusedKeyWithAnotherBodyIsRefused() {
		String key = key();
		long before = count("catalog_products");
		ResponseEntity<String> first = this.api.call(HttpMethod.POST, "/api/v1/products", key, PRODUCT);
		ResponseEntity<String> again = this.api.call(HttpMethod.POST, "/api/v1/products", key, PRODUCT);
		assertThat(again.getStatusCode().value()).isEqualTo(201);
		assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
		assertThat(this.api.read(again)).isEqualTo(this.api.read(first));
		assertThat(count("catalog_products")).isEqualTo(before + 1);

		JsonNode reused = this.api.expect(422, HttpMethod.POST, "/api/v1/products", key,
				PRODUCT.replace("API course", "Other"));
		assertThat(reused.path("error").asString()).isEqualTo("idempotency_key_reused");
		assertThat(this.api.expect(400, HttpMethod.POST, "/api/v1/products", null, PRODUCT).path("error").asString())
			.isEqualTo("idempotency_key_missing");
		assertThat(count("catalog_products")).isEqualTo(before + 1);

		long productId = this.api.read(first).path("id").asLong();
		String offer = "{\"name\":\"Main\",\"price\":{\"amount_minor\":49700,\"currency\":\"BRL\"}}";
		String offerKey = key();
		JsonNode o1 = this.api.expect(201, HttpMethod.POST, "/api/v1/products/" + productId + "/offers", offerKey,
				offer);
		JsonNode o2 = this.api.expect(201, HttpMethod.POST, "/api/v1/products/" + productId + "/offers", offerKey,
				offer);
		assertThat(o2).isEqualTo(o1);
		assertThat(this.api.get("/api/v1/products/" + productId + "/offers").path("items")).hasSize(1);
		this.api.expect(422, HttpMethod.POST, "/api/v1/products/" + productId + "/offers", offerKey,
				offer.replace("49700", "100"));
	}

	@Test
	void offersHaveCodesCheckoutLinksPlansAndOneMainOffer() {
		long productId = this.api.expect(201, HttpMethod.POST, "/api/v1/products", key(), PRODUCT).path("id").asLong();
		String base = "/api/v1/products/" + productId + "/offers";
		JsonNode single = this.api.expect(201, HttpMethod.POST, base, key(),
				"{\"name\":\"Once\",\"price\":{\"amount_minor\":49700,\"currency\":\"BRL\"}}");
		assertThat(single.path("code").asString()).matches("[a-z0-9]{8}");
		assertThat(single.path("checkout_url").asString())
			.isEqualTo("http://localhost:" + this.port + "/checkout/" + single.path("code").asString());
		assertThat(single.path("main").asBoolean()).isTrue();
		assertThat(single.path("payment_mode").asString()).isEqualTo("SINGLE");
		assertThat(single.path("plan").isNull()).isTrue();
		assertThat(single.path("price").path("value").decimalValue()).isEqualByComparingTo("497.00");

		JsonNode unknownGroup = this.api.expect(400, HttpMethod.POST, base, key(), """
				{"name":"Annual","price":{"amount_minor":39900,"currency":"USD"},"payment_mode":"RECURRING",
				 "plan":{"period":"ANNUAL","trial_days":7},"club_group_id":42}""");
		assertThat(unknownGroup.path("errors").get(0).path("field").asString()).isEqualTo("club_group_id");
		long group = this.api.get("/api/v1/products/" + productId + "/club/groups")
			.path("items")
			.get(0)
			.path("id")
			.asLong();
		JsonNode annual = this.api.expect(201, HttpMethod.POST, base, key(), """
				{"name":"Annual","price":{"amount_minor":39900,"currency":"USD"},"payment_mode":"RECURRING",
				 "plan":{"period":"ANNUAL","trial_days":7},"club_group_id":%d}""".formatted(group));
		assertThat(annual.path("main").asBoolean()).isFalse();
		assertThat(annual.path("plan").path("interval_days").asInt()).isEqualTo(360);
		assertThat(annual.path("plan").path("trial_days").asInt()).isEqualTo(7);
		assertThat(annual.path("plan").path("max_charges").isNull()).isTrue();
		assertThat(annual.path("club_group_id").asLong()).isEqualTo(group);

		long annualId = annual.path("id").asLong();
		assertThat(this.api.expect(200, HttpMethod.POST, base + "/" + annualId + "/main", null, null)
			.path("main")
			.asBoolean()).isTrue();
		assertThat(this.api.get(base + "/" + single.path("id").asLong()).path("main").asBoolean()).isFalse();
		assertThat(this.api.get("/api/v1/products/" + productId).path("main_offer_id").asLong()).isEqualTo(annualId);

		JsonNode renamed = this.api.expect(200, HttpMethod.PATCH, base + "/" + annualId, null,
				"{\"name\":\"Yearly\",\"price\":{\"amount_minor\":29900,\"currency\":\"EUR\"}}");
		assertThat(renamed.path("code").asString()).isEqualTo(annual.path("code").asString());
		assertThat(renamed.path("price").path("currency").asString()).isEqualTo("EUR");
		assertThat(renamed.path("plan").path("period").asString()).isEqualTo("ANNUAL");

		long offers = count("catalog_offers");
		JsonNode negative = this.api.expect(400, HttpMethod.POST, base, key(),
				"{\"name\":\"Neg\",\"price\":{\"amount_minor\":-1,\"currency\":\"BRL\"}}");
		assertThat(negative.path("errors").get(0).path("field").asString()).isEqualTo("price");
		JsonNode foreign = this.api.expect(400, HttpMethod.POST, base, key(),
				"{\"name\":\"Yen\",\"price\":{\"amount_minor\":100,\"currency\":\"JPY\"}}");
		assertThat(foreign.path("errors").get(0).path("field").asString()).isEqualTo("price.currency");
		JsonNode noPlan = this.api.expect(400, HttpMethod.POST, base, key(),
				"{\"name\":\"Plan\",\"price\":{\"amount_minor\":100,\"currency\":\"BRL\"},\"payment_mode\":\"RECURRING\"}");
		assertThat(noPlan.path("errors").get(0).path("field").asString()).isEqualTo("period");
		assertThat(count("catalog_offers")).isEqualTo(offers);
	}

	@Test
	void couponsAreCreatedListedAndDeleted() {
		long productId = this.api.expect(201, HttpMethod.POST, "/api/v1/products", key(), PRODUCT).path("id").asLong();
		JsonNode offer = this.api.expect(201, HttpMethod.POST, "/api/v1/products/" + productId + "/offers", key(),
				"{\"name\":\"Once\",\"price\":{\"amount_minor\":10000,\"currency\":\"BRL\"}}");
		String base = "/api/v1/products/" + productId + "/coupons";
		JsonNode coupon = this.api.expect(201, HttpMethod.POST, base, key(), """
				{"code":"bemvindo20","discount":0.2,"starts_at":"2020-01-01T00:00:00Z","offer_ids":[%d]}"""
			.formatted(offer.path("id").asLong()));
		assertThat(coupon.path("code").asString()).isEqualTo("BEMVINDO20");
		assertThat(coupon.path("discount").decimalValue()).isEqualByComparingTo("0.2");
		assertThat(coupon.path("status").asString()).isEqualTo("valid");
		assertThat(coupon.path("checkout_url").asString())
			.endsWith("/checkout/" + offer.path("code").asString() + "?coupon=BEMVINDO20");

		JsonNode duplicate = this.api.expect(400, HttpMethod.POST, base, key(),
				"{\"code\":\"BemVindo20\",\"discount\":0.1}");
		assertThat(duplicate.path("errors").get(0).path("message").asString()).contains("already has a coupon");
		JsonNode tooMuch = this.api.expect(400, HttpMethod.POST, base, key(), "{\"code\":\"MAX\",\"discount\":0.99}");
		assertThat(tooMuch.path("errors").get(0).path("field").asString()).isEqualTo("discount");
		JsonNode backwards = this.api.expect(400, HttpMethod.POST, base, key(), """
				{"code":"BACK","discount":0.1,"starts_at":"2030-01-02T00:00:00Z","ends_at":"2030-01-01T00:00:00Z"}""");
		assertThat(backwards.path("errors").get(0).path("field").asString()).isEqualTo("ends_at");

		assertThat(this.api.get(base).path("items")).hasSize(1);
		this.api.expect(204, HttpMethod.DELETE, base + "/" + coupon.path("id").asLong(), null, null);
		assertThat(this.api.get(base).path("items")).isEmpty();
		this.api.expect(404, HttpMethod.DELETE, base + "/" + coupon.path("id").asLong(), null, null);
	}

	@Test
	void anotherProducersCatalogAnswers404AndStaysUnchanged() {
		long productId = this.api.expect(201, HttpMethod.POST, "/api/v1/products", key(), PRODUCT).path("id").asLong();
		long offerId = this.api
			.expect(201, HttpMethod.POST, "/api/v1/products/" + productId + "/offers", key(),
					"{\"name\":\"Once\",\"price\":{\"amount_minor\":10000,\"currency\":\"BRL\"}}")
			.path("id")
			.asLong();
		long couponId = this.api
			.expect(201, HttpMethod.POST, "/api/v1/products/" + productId + "/coupons", key(),
					"{\"code\":\"MINE\",\"discount\":0.5}")
			.path("id")
			.asLong();

		ApiCaller other = ApiCaller.newProducer(this.http, this.json, this.credentials);
		String p = "/api/v1/products/" + productId;
		JsonNode notFound = other.expect(404, HttpMethod.GET, p, null, null);
		assertThat(notFound.path("error").asString()).isEqualTo("not_found");
		assertThat(notFound.path("status").asInt()).isEqualTo(404);
		other.expect(404, HttpMethod.PATCH, p, null, "{\"name\":\"Stolen\"}");
		other.expect(404, HttpMethod.GET, p + "/offers", null, null);
		other.expect(404, HttpMethod.GET, p + "/offers/" + offerId, null, null);
		other.expect(404, HttpMethod.POST, p + "/offers", key(),
				"{\"name\":\"x\",\"price\":{\"amount_minor\":1,\"currency\":\"BRL\"}}");
		other.expect(404, HttpMethod.POST, p + "/offers/" + offerId + "/main", null, null);
		other.expect(404, HttpMethod.PATCH, p + "/offers/" + offerId, null, "{\"name\":\"Stolen\"}");
		other.expect(404, HttpMethod.GET, p + "/coupons", null, null);
		other.expect(404, HttpMethod.POST, p + "/coupons", key(), "{\"code\":\"THEIRS\",\"discount\":0.5}");
		other.expect(404, HttpMethod.DELETE, p + "/coupons/" + couponId, null, null);
		assertThat(other.get("/api/v1/products").path("items")).isEmpty();

		assertThat(this.api.get(p).path("name").asString()).isEqualTo("API course");
		assertThat(this.api.get(p + "/offers/" + offerId).path("name").asString()).isEqualTo("Once");
		assertThat(this.api.get(p + "/coupons").path("items")).hasSize(1);
	}

}
