package io.atrium.checkout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import io.atrium.accounts.Accounts;
import io.atrium.api.ApiCredentials;
import io.atrium.api.CreatedCredential;
import io.atrium.catalog.Coupons;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.checkout.internal.SandboxCards;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.TestMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/checkout} and {@code GET /api/v1/purchases/{transaction}} over real
 * HTTP with real tokens.
 */
@AtriumIntegrationTest
class CheckoutApiIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	ApiCredentials credentials;

	@Autowired
	Accounts accounts;

	@Autowired
	Products products;

	@Autowired
	Offers offers;

	@Autowired
	Coupons coupons;

	TestShop shop;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void shop() {
		this.shop = new TestShop(this.accounts, this.products, this.offers, this.coupons);
	}

	@Test
	void aProducerCreatesASaleOncePerIdempotencyKey() {
		TestShop.Sale sale = this.shop.sale();
		String token = token(sale.producer());
		String email = TestShop.unique("api");
		String body = cardBody(sale.offerCode(), email, SandboxCards.APPROVED, null);
		String key = UUID.randomUUID().toString();

		HttpResponse<String> created = post(token, key, body);
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode purchase = this.json.readTree(created.body());
		String transaction = purchase.path("transaction").asString();
		assertThat(transaction).matches("HP\\d{14}");
		assertThat(purchase.path("status").asString()).isEqualTo("APPROVED");
		assertThat(purchase.path("price").path("value").decimalValue()).isEqualByComparingTo("100.00");
		assertThat(purchase.path("price").path("currency_code").asString()).isEqualTo("BRL");

		HttpResponse<String> replayed = post(token, key, body);
		assertThat(replayed.statusCode()).isEqualTo(201);
		assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(this.json.readTree(replayed.body()).path("transaction").asString()).isEqualTo(transaction);

		HttpResponse<String> reused = post(token, key,
				cardBody(sale.offerCode(), TestShop.unique("other"), SandboxCards.APPROVED, null));
		assertThat(reused.statusCode()).isEqualTo(422);
		assertThat(reused.body()).contains("idempotency_key_reused");
		assertThat(purchases(email)).isOne();
		assertThat(this.jdbc.sql("SELECT count(*) FROM sandbox_charges WHERE idempotency_key = ?")
			.param(transaction)
			.query(Integer.class)
			.single()).isOne();
		assertThat(TestMail.awaitNth(email, 1)).isNotNull();

		HttpResponse<String> read = get(token, "/api/v1/purchases/" + transaction);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(read.body()).path("buyer_email").asString()).isEqualTo(email);
		assertThat(get(token(this.shop.producer()), "/api/v1/purchases/" + transaction).statusCode()).isEqualTo(404);
	}

	@Test
	void pixThroughTheApiAnswersThePixCode() {
		TestShop.Sale sale = this.shop.sale();
		HttpResponse<String> created = post(token(sale.producer()), UUID.randomUUID().toString(),
				"{\"offer_code\":\"" + sale.offerCode() + "\",\"buyer\":{\"name\":\"Ana\",\"email\":\""
						+ TestShop.unique("pix") + "\"},\"payment\":{\"method\":\"PIX\"}}");
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode purchase = this.json.readTree(created.body());
		assertThat(purchase.path("status").asString()).isEqualTo("WAITING_PAYMENT");
		assertThat(purchase.path("pix_code").asString()).startsWith("000201");
		assertThat(purchase.path("payment_expires_at").asString()).isNotBlank();

		HttpResponse<String> billet = post(token(sale.producer()), UUID.randomUUID().toString(),
				"{\"offer_code\":\"" + sale.offerCode() + "\",\"buyer\":{\"name\":\"Ana\",\"email\":\""
						+ TestShop.unique("billet") + "\"},\"payment\":{\"method\":\"BILLET\"}}");
		assertThat(billet.statusCode()).isEqualTo(201);
		JsonNode printed = this.json.readTree(billet.body());
		assertThat(printed.path("status").asString()).isEqualTo("PRINTED_BILLET");
		assertThat(printed.path("billet_barcode").asString()).matches("\\d{47}");
		assertThat(java.time.Duration.between(java.time.Instant.parse(printed.path("created_at").asString()),
				java.time.Instant.parse(printed.path("payment_expires_at").asString())))
			.isBetween(java.time.Duration.ofDays(3), java.time.Duration.ofDays(3).plusMinutes(1));
	}

	@Test
	void badInputGetsAClearErrorAndNoPurchase() {
		TestShop.Sale sale = this.shop.sale();
		String token = token(sale.producer());
		String email = TestShop.unique("bad");

		assertThat(post(token, null, cardBody(sale.offerCode(), email, SandboxCards.APPROVED, null)).statusCode())
			.isEqualTo(400);
		HttpResponse<String> unknown = post(token, key(), cardBody("zzzzzzzz", email, SandboxCards.APPROVED, null));
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.body()).contains("not_found");
		HttpResponse<String> foreign = post(token(this.shop.producer()), key(),
				cardBody(sale.offerCode(), email, SandboxCards.APPROVED, null));
		assertThat(foreign.statusCode()).isEqualTo(404);
		HttpResponse<String> coupon = post(token, key(), cardBody(sale.offerCode(), email, SandboxCards.APPROVED, null)
			.replace("\"payment\"", "\"coupon_code\":\"NOPE\",\"payment\""));
		assertThat(coupon.statusCode()).isEqualTo(422);
		assertThat(coupon.body()).contains("coupon_refused");
		HttpResponse<String> malformed = post(token, key(),
				cardBody(sale.offerCode(), "not-an-email", SandboxCards.APPROVED, null));
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.body()).contains("buyer.email");
		HttpResponse<String> negative = post(token, key(),
				cardBody(sale.offerCode(), email, SandboxCards.APPROVED, "{\"value\":-1,\"currency_code\":\"BRL\"}"));
		assertThat(negative.statusCode()).isEqualTo(400);
		HttpResponse<String> otherCurrency = post(token, key(), cardBody(sale.offerCode(), email, SandboxCards.APPROVED,
				"{\"value\":100.00,\"currency_code\":\"USD\"}"));
		assertThat(otherCurrency.statusCode()).isEqualTo(422);
		assertThat(otherCurrency.body()).contains("currency_mismatch");
		HttpResponse<String> cheaper = post(token, key(),
				cardBody(sale.offerCode(), email, SandboxCards.APPROVED, "{\"value\":1.00,\"currency_code\":\"BRL\"}"));
		assertThat(cheaper.statusCode()).isEqualTo(422);
		assertThat(cheaper.body()).contains("price_mismatch");
		assertThat(purchases(email)).isZero();

		HttpResponse<String> right = post(token, key(), cardBody(sale.offerCode(), email, SandboxCards.APPROVED,
				"{\"value\":100.00,\"currency_code\":\"BRL\"}"));
		assertThat(right.statusCode()).isEqualTo(201);
		assertThat(purchases(email)).isOne();
	}

	@Test
	void aDeclinedCardIsASaleThatSaysWhy() {
		TestShop.Sale sale = this.shop.sale();
		HttpResponse<String> created = post(token(sale.producer()), key(),
				cardBody(sale.offerCode(), TestShop.unique("declined"), SandboxCards.INSUFFICIENT_FUNDS, null));
		assertThat(created.statusCode()).isEqualTo(201);
		JsonNode purchase = this.json.readTree(created.body());
		assertThat(purchase.path("status").asString()).isEqualTo("NO_FUNDS");
		assertThat(purchase.path("decline_reason").asString()).isEqualTo("INSUFFICIENT_FUNDS");
	}

	private int purchases(String email) {
		return this.jdbc.sql("SELECT count(*) FROM purchases WHERE buyer_email = ?")
			.param(email)
			.query(Integer.class)
			.single();
	}

	private static String key() {
		return UUID.randomUUID().toString();
	}

	private static String cardBody(String offer, String email, String number, String expected) {
		return "{\"offer_code\":\"" + offer + "\",\"buyer\":{\"name\":\"Ana Souza\",\"email\":\"" + email
				+ "\",\"document\":\"123\",\"locale\":\"pt-BR\"},\"payment\":{\"method\":\"CARD\",\"card\":{\"number\":\""
				+ number + "\",\"holder\":\"ANA\",\"exp_month\":12,\"exp_year\":2099,\"cvc\":\"123\"}}"
				+ ((expected != null) ? ",\"expected_price\":" + expected : "") + "}";
	}

	private String token(long producer) {
		CreatedCredential credential = this.credentials.create(producer, "checkout test");
		HttpResponse<String> response = send(HttpRequest
			.newBuilder(
					URI.create("http://localhost:" + this.port + "/security/oauth/token?grant_type=client_credentials"))
			.header("Authorization", "Basic " + credential.basicToken())
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(200);
		return this.json.readTree(response.body()).path("access_token").asString();
	}

	private HttpResponse<String> post(String token, String key, String body) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/checkout"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return send(request);
	}

	private HttpResponse<String> get(String token, String path) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization", "Bearer " + token)
			.GET());
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
