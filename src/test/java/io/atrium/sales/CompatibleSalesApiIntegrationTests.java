package io.atrium.sales;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.atrium.accounts.Accounts;
import io.atrium.api.ApiCredentials;
import io.atrium.catalog.Coupons;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.checkout.Checkout;
import io.atrium.checkout.Purchase;
import io.atrium.shared.Money;
import io.atrium.support.AtriumIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Hotmart-compatible sales endpoints (hotmart-api.md §4.1 to §4.5) field by field,
 * over purchases made through the real checkout.
 */
@AtriumIntegrationTest
@AutoConfigureTestRestTemplate
class CompatibleSalesApiIntegrationTests {

	@Autowired
	TestRestTemplate http;

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
	Checkout checkout;

	SalesShop shop;

	SalesShop.Seller seller;

	String token;

	SalesShop.Item bread;

	SalesShop.Item cake;

	Purchase ana;

	Purchase bruno;

	Purchase carla;

	Purchase declined;

	Purchase pix;

	@BeforeEach
	void sales() {
		this.shop = new SalesShop(this.accounts, this.products, this.offers, this.coupons, this.checkout);
		this.seller = this.shop.producer("Paula Producer");
		this.token = SalesShop.token(this.http, this.json, this.credentials, this.seller.id());
		this.bread = this.shop.item(this.seller, "Bread course", Money.of(10000, "BRL"));
		this.cake = this.shop.item(this.seller, "Cake course", Money.of(2500, "USD"));
		this.shop.coupon(this.seller, this.bread, "TENOFF", "0.10");
		this.ana = this.shop.buy(this.bread, "Ana Souza", SalesShop.unique("ana"), SalesShop.APPROVED_CARD, "TENOFF");
		this.bruno = this.shop.buy(this.bread, "Bruno Lima", SalesShop.APPROVED_CARD);
		this.carla = this.shop.buy(this.cake, "Carla Cake", SalesShop.APPROVED_CARD);
		this.declined = this.shop.buy(this.bread, "Dora Declined", SalesShop.DECLINED_CARD);
		this.pix = this.shop.buyWithPix(this.cake, "Pedro Pix");
	}

	ResponseEntity<String> call(String token, HttpMethod method, String path) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBearerAuth(token);
		return this.http.exchange(path, method, new HttpEntity<>(null, headers), String.class);
	}

	JsonNode get(String path) {
		ResponseEntity<String> response = call(this.token, HttpMethod.GET, path);
		assertThat(response.getStatusCode().value()).as(path + ": " + response.getBody()).isEqualTo(200);
		return this.json.readTree(response.getBody());
	}

	static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

	static List<String> transactions(JsonNode page) {
		List<String> found = new ArrayList<>();
		page.path("items")
			.forEach((i) -> found.add(i.has("purchase") ? i.path("purchase").path("transaction").asString()
					: i.path("transaction").asString()));
		return found;
	}

	@Test
	void historyHasTheDocumentedShapeAndOnlyPaidSalesByDefault() {
		JsonNode page = get("/payments/api/v1/sales/history");
		assertThat(names(page)).containsExactly("items", "page_info");
		assertThat(names(page.path("page_info"))).containsExactlyInAnyOrder("total_results", "results_per_page");
		assertThat(page.path("page_info").path("total_results").asInt()).isEqualTo(3);
		assertThat(transactions(page)).containsExactlyInAnyOrder(this.ana.transaction(), this.bruno.transaction(),
				this.carla.transaction());
		JsonNode item = page.path("items")
			.valueStream()
			.filter((i) -> i.path("purchase").path("transaction").asString().equals(this.ana.transaction()))
			.findFirst()
			.orElseThrow();
		assertThat(names(item)).containsExactlyInAnyOrder("product", "buyer", "producer", "purchase");
		assertThat(names(item.path("product"))).containsExactlyInAnyOrder("name", "id");
		assertThat(item.path("product").path("id").asLong()).isEqualTo(this.bread.productId());
		assertThat(item.path("product").path("name").asString()).isEqualTo("Bread course");
		assertThat(names(item.path("buyer"))).containsExactlyInAnyOrder("name", "ucode", "email");
		assertThat(item.path("buyer").path("name").asString()).isEqualTo("Ana Souza");
		assertThat(item.path("buyer").path("email").asString()).isEqualTo(this.ana.terms().buyer().email());
		assertThat(item.path("buyer").path("ucode").asString()).matches("[0-9A-F-]{36}");
		assertThat(names(item.path("producer"))).containsExactlyInAnyOrder("name", "ucode");
		assertThat(item.path("producer").path("name").asString()).isEqualTo("Paula Producer");
		JsonNode purchase = item.path("purchase");
		assertThat(names(purchase)).containsExactlyInAnyOrder("transaction", "order_date", "approved_date", "status",
				"recurrency_number", "is_subscription", "commission_as", "price", "payment", "tracking",
				"warranty_expire_date", "offer", "hotmart_fee");
		assertThat(purchase.path("order_date").asLong()).isEqualTo(this.ana.terms().createdAt().toEpochMilli());
		assertThat(Long.toString(purchase.path("order_date").asLong())).hasSize(13);
		assertThat(purchase.path("approved_date").asLong()).isEqualTo(this.ana.approvedAt().toEpochMilli());
		assertThat(purchase.path("warranty_expire_date").asLong())
			.isEqualTo(this.ana.approvedAt().plusSeconds(7 * 86400).toEpochMilli());
		assertThat(purchase.path("status").asString()).isEqualTo("APPROVED");
		assertThat(purchase.path("recurrency_number").asInt()).isEqualTo(1);
		assertThat(purchase.path("is_subscription").isBoolean()).isTrue();
		assertThat(purchase.path("is_subscription").asBoolean()).isFalse();
		assertThat(purchase.path("commission_as").asString()).isEqualTo("PRODUCER");
		assertThat(purchase.path("price").path("value").decimalValue()).isEqualByComparingTo("90.00");
		assertThat(purchase.path("price").path("value").isNumber()).isTrue();
		assertThat(purchase.path("price").path("currency_code").asString()).isEqualTo("BRL");
		assertThat(names(purchase.path("payment"))).containsExactlyInAnyOrder("method", "installments_number", "type");
		assertThat(purchase.path("payment").path("method").asString()).isEqualTo("CREDIT_CARD_VISA");
		assertThat(purchase.path("payment").path("installments_number").asInt()).isEqualTo(1);
		assertThat(purchase.path("payment").path("type").asString()).isEqualTo("CREDIT_CARD");
		assertThat(purchase.path("tracking").isObject()).isTrue();
		assertThat(names(purchase.path("offer"))).containsExactlyInAnyOrder("payment_mode", "code");
		assertThat(purchase.path("offer").path("code").asString()).isEqualTo(this.bread.offerCode());
		JsonNode fee = purchase.path("hotmart_fee");
		assertThat(names(fee)).containsExactlyInAnyOrder("total", "fixed", "currency_code", "base", "percentage");
		assertThat(fee.path("total").decimalValue()).isEqualByComparingTo("0");
		assertThat(fee.path("currency_code").asString()).isEqualTo("BRL");

		// asked for: other statuses, or one transaction whatever its status
		assertThat(transactions(get("/payments/api/v1/sales/history?transaction_status=CANCELLED")))
			.containsExactly(this.declined.transaction());
		assertThat(transactions(
				get("/payments/api/v1/sales/history?transaction_status=WAITING_PAYMENT&transaction_status=CANCELLED")))
			.containsExactlyInAnyOrder(this.declined.transaction(), this.pix.transaction());
		assertThat(transactions(get("/payments/api/v1/sales/history?transaction_status=WAITING_PAYMENT,CANCELLED")))
			.containsExactlyInAnyOrder(this.declined.transaction(), this.pix.transaction());
		assertThat(transactions(get("/payments/api/v1/sales/history?transaction=" + this.pix.transaction())))
			.containsExactly(this.pix.transaction());
		JsonNode pending = get("/payments/api/v1/sales/history?transaction=" + this.pix.transaction()).path("items")
			.get(0)
			.path("purchase");
		assertThat(pending.has("approved_date")).isFalse();
		assertThat(pending.path("payment").path("method").asString()).isEqualTo("PIX");

		// filters
		assertThat(transactions(get("/payments/api/v1/sales/history?product_id=" + this.cake.productId())))
			.containsExactly(this.carla.transaction());
		assertThat(transactions(get("/payments/api/v1/sales/history?buyer_name=souza")))
			.containsExactly(this.ana.transaction());
		assertThat(
				transactions(get("/payments/api/v1/sales/history?buyer_email=" + this.bruno.terms().buyer().email())))
			.containsExactly(this.bruno.transaction());
		assertThat(
				transactions(get("/payments/api/v1/sales/history?payment_type=PIX&transaction_status=WAITING_PAYMENT")))
			.containsExactly(this.pix.transaction());
		assertThat(transactions(get("/payments/api/v1/sales/history?payment_type=PAYPAL"))).isEmpty();
		assertThat(transactions(get("/payments/api/v1/sales/history?commission_as=AFFILIATE"))).isEmpty();
		assertThat(transactions(get("/payments/api/v1/sales/history?offer_code=" + this.cake.offerCode())))
			.containsExactly(this.carla.transaction());
		long created = this.ana.terms().createdAt().toEpochMilli();
		assertThat(transactions(get("/payments/api/v1/sales/history?start_date=" + (created + 3_600_000)))).isEmpty();
		assertThat(transactions(get("/payments/api/v1/sales/history?end_date=" + (created - 1)))).isEmpty();
		assertThat(transactions(get("/payments/api/v1/sales/history?start_date=" + created + "&end_date="
				+ this.carla.terms().createdAt().toEpochMilli())))
			.contains(this.ana.transaction(), this.carla.transaction());
	}

	@Test
	void historyPagesUntilTheLastAndClampsMaxResults() {
		List<String> seen = new ArrayList<>();
		String token = null;
		int pages = 0;
		do {
			JsonNode page = get(
					"/payments/api/v1/sales/history?max_results=2" + ((token != null) ? "&page_token=" + token : ""));
			pages++;
			seen.addAll(transactions(page));
			JsonNode info = page.path("page_info");
			assertThat(info.path("results_per_page").asInt()).isEqualTo(page.path("items").size());
			assertThat(info.has("prev_page_token")).isEqualTo(pages > 1);
			token = info.has("next_page_token") ? info.path("next_page_token").asString() : null;
		}
		while (token != null && pages < 10);
		assertThat(pages).isEqualTo(2);
		assertThat(seen).containsExactlyInAnyOrder(this.ana.transaction(), this.bruno.transaction(),
				this.carla.transaction());

		// max_results above 500 is clamped: the page size the tokens carry is 500
		String second = Base64.getEncoder().encodeToString("{\"page\":2,\"rows\":2}".getBytes(StandardCharsets.UTF_8));
		JsonNode clamped = get("/payments/api/v1/sales/history?max_results=100000&page_token=" + second);
		String prev = new String(
				Base64.getDecoder().decode(clamped.path("page_info").path("prev_page_token").asString()),
				StandardCharsets.UTF_8);
		assertThat(prev).isEqualTo("{\"page\":1,\"rows\":500}");
		assertThat(get("/payments/api/v1/sales/history").path("page_info").has("next_page_token")).isFalse();

		ResponseEntity<String> bad = call(this.token, HttpMethod.GET,
				"/payments/api/v1/sales/history?page_token=not-a-token");
		assertThat(bad.getStatusCode().value()).isEqualTo(400);
		assertThat(this.json.readTree(bad.getBody()).path("error").asString()).isEqualTo("invalid_token");
	}

	@Test
	void anInvalidTransactionStatusIsABadRequest() {
		ResponseEntity<String> response = call(this.token, HttpMethod.GET,
				"/payments/api/v1/sales/history?transaction_status=PAID");
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		JsonNode body = this.json.readTree(response.getBody());
		assertThat(body.path("error").asString()).isEqualTo("invalid_parameter");
		assertThat(body.path("error_description").asString()).startsWith("The request was unacceptable");
		assertThat(body.has("error_uri")).isTrue();
		for (String bad : List.of("/payments/api/v1/sales/summary?transaction_status=NOPE",
				"/payments/api/v1/sales/history?payment_type=CHEQUE", "/payments/api/v1/sales/users?commission_as=BOSS",
				"/payments/api/v1/sales/commissions?product_id=abc",
				"/payments/api/v1/sales/price/details?start_date=x")) {
			ResponseEntity<String> answer = call(this.token, HttpMethod.GET, bad);
			assertThat(answer.getStatusCode().value()).as(bad).isEqualTo(400);
			assertThat(this.json.readTree(answer.getBody()).path("error").asString()).as(bad).startsWith("invalid_");
		}
	}

	@Test
	void summaryIsOneItemPerCurrency() {
		JsonNode page = get("/payments/api/v1/sales/summary");
		assertThat(page.path("items")).hasSize(2);
		JsonNode brl = page.path("items").get(0);
		assertThat(names(brl)).containsExactlyInAnyOrder("total_items", "total_value");
		assertThat(brl.path("total_items").asInt()).isEqualTo(2);
		assertThat(names(brl.path("total_value"))).containsExactlyInAnyOrder("value", "currency_code");
		assertThat(brl.path("total_value").path("value").decimalValue()).isEqualByComparingTo("190.00");
		assertThat(brl.path("total_value").path("currency_code").asString()).isEqualTo("BRL");
		JsonNode usd = page.path("items").get(1);
		assertThat(usd.path("total_items").asInt()).isEqualTo(1);
		assertThat(usd.path("total_value").path("value").decimalValue()).isEqualByComparingTo("25.00");
		assertThat(usd.path("total_value").path("currency_code").asString()).isEqualTo("USD");
		JsonNode cancelled = get("/payments/api/v1/sales/summary?transaction_status=CANCELLED");
		assertThat(cancelled.path("items")).hasSize(1);
		assertThat(cancelled.path("items").get(0).path("total_value").path("value").decimalValue())
			.isEqualByComparingTo("100.00");
	}

	@Test
	void usersListTheProducerAndTheBuyer() {
		JsonNode page = get("/payments/api/v1/sales/users?transaction=" + this.ana.transaction());
		JsonNode item = page.path("items").get(0);
		assertThat(names(item)).containsExactlyInAnyOrder("transaction", "product", "users");
		assertThat(item.path("transaction").asString()).isEqualTo(this.ana.transaction());
		assertThat(item.path("product").path("id").asLong()).isEqualTo(this.bread.productId());
		assertThat(item.path("users")).hasSize(2);
		JsonNode producer = item.path("users").get(0);
		assertThat(producer.path("role").asString()).isEqualTo("PRODUCER");
		assertThat(producer.path("user").path("name").asString()).isEqualTo("Paula Producer");
		assertThat(producer.path("user").path("email").asString()).isEqualTo(this.seller.email());
		JsonNode buyer = item.path("users").get(1);
		assertThat(buyer.path("role").asString()).isEqualTo("BUYER");
		assertThat(buyer.path("user").path("name").asString()).isEqualTo("Ana Souza");
		assertThat(buyer.path("user").path("email").asString()).isEqualTo(this.ana.terms().buyer().email());
		assertThat(buyer.path("user").path("locale").asString()).isEqualTo("pt-BR");
		assertThat(buyer.path("user").path("documents").get(0).path("type").asString()).isEqualTo("CPF");
		assertThat(buyer.path("user").path("documents").get(0).path("value").asString()).isEqualTo("12345678909");
		assertThat(buyer.path("user").path("ucode").asString())
			.isEqualTo(get("/payments/api/v1/sales/history?transaction=" + this.ana.transaction()).path("items")
				.get(0)
				.path("buyer")
				.path("ucode")
				.asString());
	}

	@Test
	void commissionsGiveTheWholePriceToTheProducer() {
		JsonNode item = get("/payments/api/v1/sales/commissions?transaction=" + this.carla.transaction()).path("items")
			.get(0);
		assertThat(names(item)).containsExactlyInAnyOrder("transaction", "product", "exchange_rate_currency_payout",
				"commissions");
		JsonNode commission = item.path("commissions").get(0);
		assertThat(names(commission)).containsExactlyInAnyOrder("commission", "user", "source");
		assertThat(commission.path("commission").path("currency_value").isString()).isTrue();
		assertThat(commission.path("commission").path("currency_value").asString()).isEqualTo("USD");
		assertThat(commission.path("commission").path("value").decimalValue()).isEqualByComparingTo("25.00");
		assertThat(commission.path("source").asString()).isEqualTo("PRODUCER");
		assertThat(names(commission.path("user"))).containsExactlyInAnyOrder("ucode", "name");
		assertThat(get("/payments/api/v1/sales/commissions").path("items")).hasSize(3);
	}

	@Test
	void priceDetailsShowBaseTotalAndCoupon() {
		JsonNode item = get("/payments/api/v1/sales/price/details?transaction=" + this.ana.transaction()).path("items")
			.get(0);
		assertThat(names(item)).containsExactlyInAnyOrder("transaction", "product", "base", "total", "vat", "fee",
				"coupon", "real_conversion_rate");
		assertThat(item.path("base").path("value").decimalValue()).isEqualByComparingTo("100.00");
		assertThat(item.path("total").path("value").decimalValue()).isEqualByComparingTo("90.00");
		assertThat(item.path("vat").path("value").decimalValue()).isEqualByComparingTo("0");
		assertThat(item.path("fee").path("value").decimalValue()).isEqualByComparingTo("0");
		assertThat(item.path("total").path("currency_code").asString()).isEqualTo("BRL");
		assertThat(item.path("coupon").path("code").asString()).isEqualTo("TENOFF");
		assertThat(item.path("coupon").path("value").decimalValue()).isEqualByComparingTo("10.00");
		JsonNode plain = get("/payments/api/v1/sales/price/details?transaction=" + this.bruno.transaction())
			.path("items")
			.get(0);
		assertThat(plain.has("coupon")).isFalse();
		assertThat(get("/payments/api/v1/sales/price/details").path("items")).hasSize(3);
	}

	@Test
	void refundRefundsOwnApprovedSalesOnly() {
		String path = "/payments/api/v1/sales/" + this.bruno.transaction() + "/refund";
		ResponseEntity<String> done = call(this.token, HttpMethod.PUT, path);
		assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(200);
		assertThat(this.json.readTree(done.getBody()).isObject()).isTrue();
		assertThat(this.json.readTree(done.getBody()).size()).isZero();
		assertThat(get("/payments/api/v1/sales/history?transaction=" + this.bruno.transaction()).path("items")
			.get(0)
			.path("purchase")
			.path("status")
			.asString()).isEqualTo("REFUNDED");

		ResponseEntity<String> again = call(this.token, HttpMethod.PUT, path);
		assertThat(again.getStatusCode().value()).isEqualTo(400);
		assertThat(this.json.readTree(again.getBody()).path("error").asString()).isEqualTo("invalid_parameter");
		ResponseEntity<String> declinedRefund = call(this.token, HttpMethod.PUT,
				"/payments/api/v1/sales/" + this.declined.transaction() + "/refund");
		assertThat(declinedRefund.getStatusCode().value()).isEqualTo(400);
		assertThat(this.json.readTree(declinedRefund.getBody()).path("error_description").asString())
			.contains("CANCELLED");

		SalesShop.Seller other = this.shop.producer("Other");
		String otherToken = SalesShop.token(this.http, this.json, this.credentials, other.id());
		ResponseEntity<String> foreign = call(otherToken, HttpMethod.PUT,
				"/payments/api/v1/sales/" + this.ana.transaction() + "/refund");
		assertThat(foreign.getStatusCode().value()).isEqualTo(404);
		assertThat(this.json.readTree(foreign.getBody()).path("error").asString()).isEqualTo("not_found");
		assertThat(get("/payments/api/v1/sales/history?transaction=" + this.ana.transaction()).path("items")
			.get(0)
			.path("purchase")
			.path("status")
			.asString()).isEqualTo("APPROVED");
	}

	@Test
	void anotherProducersTokenSeesNone() {
		SalesShop.Seller other = this.shop.producer("Other");
		String otherToken = SalesShop.token(this.http, this.json, this.credentials, other.id());
		for (String path : List.of("/payments/api/v1/sales/history", "/payments/api/v1/sales/summary",
				"/payments/api/v1/sales/users", "/payments/api/v1/sales/commissions",
				"/payments/api/v1/sales/price/details",
				"/payments/api/v1/sales/history?transaction=" + this.ana.transaction(),
				"/payments/api/v1/sales/history?product_id=" + this.bread.productId())) {
			ResponseEntity<String> response = call(otherToken, HttpMethod.GET, path);
			assertThat(response.getStatusCode().value()).isEqualTo(200);
			assertThat(this.json.readTree(response.getBody()).path("items")).as(path).isEmpty();
		}
		assertThat(call("nonsense", HttpMethod.GET, "/payments/api/v1/sales/history").getStatusCode().value())
			.isEqualTo(401);
	}

}
