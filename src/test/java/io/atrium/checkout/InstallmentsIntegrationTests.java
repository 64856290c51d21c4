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
import io.atrium.checkout.internal.SandboxGateway;
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
 * Card installments end to end over real HTTP: the offer's maximum set through the offers
 * API, a checkout through {@code POST /api/v1/checkout}, and what the compatible sales
 * history, the gateway and the buyer's e-mail then say.
 */
@AtriumIntegrationTest
class InstallmentsIntegrationTests {

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

	@Autowired
	SandboxGateway sandbox;

	TestShop shop;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void shop() {
		this.shop = new TestShop(this.accounts, this.products, this.offers, this.coupons);
	}

	@Test
	void aCardPaidInThreeInstallmentsShowsThreeEverywhere() {
		TestShop.Sale sale = this.shop.sale();
		String token = token(sale.producer());
		String offer = offerWithInstallments(token, sale.productId(), 12, 9700);
		String email = TestShop.unique("three");

		HttpResponse<String> created = post(token, card(offer, email, 3));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode purchase = this.json.readTree(created.body());
		String transaction = purchase.path("transaction").asString();
		assertThat(purchase.path("status").asString()).isEqualTo("APPROVED");
		assertThat(purchase.path("installments").asInt()).isEqualTo(3);
		// the whole price is charged once; the issuer bills it in installments
		assertThat(purchase.path("price").path("value").decimalValue()).isEqualByComparingTo("97.00");
		assertThat(this.sandbox.installments(transaction)).hasValue(3);

		HttpResponse<String> history = get(token, "/payments/api/v1/sales/history?transaction=" + transaction);
		assertThat(history.statusCode()).isEqualTo(200);
		JsonNode item = this.json.readTree(history.body()).path("items").path(0);
		assertThat(item.path("purchase").path("transaction").asString()).isEqualTo(transaction);
		assertThat(item.path("purchase").path("payment").path("installments_number").asInt()).isEqualTo(3);
		assertThat(item.path("purchase").path("payment").path("type").asString()).isEqualTo("CREDIT_CARD");

		// 97.00 in 3: the odd cent goes on the first installment
		assertThat(MailText.of(TestMail.awaitNth(email, 1)))
			.contains("Pago em 3 parcelas: R$\u00a032,34, depois 2 de R$\u00a032,33");

		HttpResponse<String> once = post(token, card(offer, TestShop.unique("once"), null));
		assertThat(this.json.readTree(once.body()).path("installments").asInt()).isEqualTo(1);
	}

	@Test
	void installmentsOutsideTheOffersMaximumAreRefusedAndNothingIsCharged() {
		TestShop.Sale sale = this.shop.sale();
		String token = token(sale.producer());
		String offer = offerWithInstallments(token, sale.productId(), 3, 9700);
		String email = TestShop.unique("refused");

		HttpResponse<String> tooMany = post(token, card(offer, email, 4));
		assertThat(tooMany.statusCode()).isEqualTo(400);
		JsonNode error = this.json.readTree(tooMany.body());
		assertThat(tooMany.body()).contains("installments_not_allowed").contains("1 to 3 installments, not 4");
		assertThat(error.isObject()).isTrue();

		assertThat(post(token, card(offer, email, 0)).statusCode()).isEqualTo(400);
		// the product's first offer allows one installment
		assertThat(post(token, card(sale.offerCode(), email, 2)).body()).contains("installments_not_allowed");

		for (String method : new String[] { "PIX", "BILLET" }) {
			HttpResponse<String> pix = post(token,
					"{\"offer_code\":\"" + offer + "\",\"buyer\":{\"name\":\"Ana\",\"email\":\"" + email
							+ "\"},\"payment\":{\"method\":\"" + method + "\",\"installments\":3}}");
			assertThat(pix.statusCode()).as(method).isEqualTo(400);
			assertThat(pix.body()).contains("installments_not_allowed").contains("card payments only");
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM purchases WHERE buyer_email = ?")
			.param(email)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theOffersApiKeepsTheMaximumAndRefusesOneOutsideOneToTwelve() {
		TestShop.Sale sale = this.shop.sale();
		String token = token(sale.producer());
		HttpResponse<String> tooMany = postOffer(token, sale.productId(),
				"{\"name\":\"Split\",\"price\":{\"amount_minor\":9700,\"currency\":\"BRL\"},\"max_installments\":13}");
		assertThat(tooMany.statusCode()).isEqualTo(400);
		assertThat(tooMany.body()).contains("between 1 and 12");
		assertThat(postOffer(token, sale.productId(),
				"{\"name\":\"Split\",\"price\":{\"amount_minor\":9700,\"currency\":\"BRL\"},\"max_installments\":0}")
			.statusCode()).isEqualTo(400);

		// a plan is charged once a period: its maximum stays 1
		HttpResponse<String> plan = postOffer(token, sale.productId(),
				"{\"name\":\"Monthly\",\"price\":{\"amount_minor\":9700,\"currency\":\"BRL\"},"
						+ "\"payment_mode\":\"RECURRING\",\"plan\":{\"period\":\"MONTHLY\"},\"max_installments\":6}");
		assertThat(plan.statusCode()).as(plan.body()).isEqualTo(201);
		assertThat(this.json.readTree(plan.body()).path("max_installments").asInt()).isEqualTo(1);

		String offer = offerWithInstallments(token, sale.productId(), 6, 9700);
		long offerId = this.jdbc.sql("SELECT id FROM catalog_offers WHERE code = ?")
			.param(offer)
			.query(Long.class)
			.single();
		HttpResponse<String> read = get(token, "/api/v1/products/" + sale.productId() + "/offers/" + offerId);
		assertThat(this.json.readTree(read.body()).path("max_installments").asInt()).isEqualTo(6);
	}

	private String offerWithInstallments(String token, long productId, int max, long amountMinor) {
		HttpResponse<String> created = postOffer(token, productId, "{\"name\":\"In installments\",\"price\":"
				+ "{\"amount_minor\":" + amountMinor + ",\"currency\":\"BRL\"},\"max_installments\":" + max + "}");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode offer = this.json.readTree(created.body());
		assertThat(offer.path("max_installments").asInt()).isEqualTo(max);
		return offer.path("code").asString();
	}

	private static String card(String offer, String email, Integer installments) {
		return "{\"offer_code\":\"" + offer + "\",\"buyer\":{\"name\":\"Ana Souza\",\"email\":\"" + email
				+ "\",\"locale\":\"pt-BR\"},\"payment\":{\"method\":\"CARD\",\"card\":{\"number\":\""
				+ SandboxCards.APPROVED + "\",\"holder\":\"ANA\",\"exp_month\":12,\"exp_year\":2099,\"cvc\":\"123\"}"
				+ ((installments != null) ? ",\"installments\":" + installments : "") + "}}";
	}

	private String token(long producer) {
		CreatedCredential credential = this.credentials.create(producer, "installments test");
		HttpResponse<String> response = send(HttpRequest
			.newBuilder(
					URI.create("http://localhost:" + this.port + "/security/oauth/token?grant_type=client_credentials"))
			.header("Authorization", "Basic " + credential.basicToken())
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(200);
		return this.json.readTree(response.body()).path("access_token").asString();
	}

	private HttpResponse<String> post(String token, String body) {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/checkout"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private HttpResponse<String> postOffer(String token, long productId, String body) {
		return send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/api/v1/products/" + productId + "/offers"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.POST(HttpRequest.BodyPublishers.ofString(body)));
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
