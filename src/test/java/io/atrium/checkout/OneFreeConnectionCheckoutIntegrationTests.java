package io.atrium.checkout;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.UUID;

import javax.sql.DataSource;

import io.atrium.accounts.Accounts;
import io.atrium.api.ApiCredentials;
import io.atrium.catalog.Coupons;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.checkout.internal.SandboxCards;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.WebClient;
import io.atrium.support.WebClient.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With one free connection (a pool of two, Flyway needs both at start, and the test
 * holding one), a checkout through the API and through the page (with its JDBC session)
 * still completes: no request ever needs two connections at once. When no connection is
 * free, a checkout is answered 503 with {@code Retry-After}, not 500.
 */
@AtriumIntegrationTest
@TestPropertySource(
		properties = { "spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.minimum-idle=2",
				"spring.datasource.hikari.connection-timeout=10000", "db-scheduler.polling-interval=10s" })
@DirtiesContext
class OneFreeConnectionCheckoutIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	DataSource dataSource;

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

	CheckoutApi api;

	@BeforeEach
	void shop() {
		this.shop = new TestShop(this.accounts, this.products, this.offers, this.coupons);
		this.api = new CheckoutApi(this.port, this.json);
	}

	@Test
	void theApiCheckoutNeedsOneConnectionAtATime() throws Exception {
		TestShop.Sale sale = this.shop.sale();
		String token = this.api.token(this.credentials, sale.producer());
		String key = UUID.randomUUID().toString();
		String body = CheckoutApi.cardBody(sale.offerCode(), TestShop.unique("one"), SandboxCards.APPROVED);
		HttpResponse<String> created;
		try (Connection taken = this.dataSource.getConnection()) {
			created = this.api.post(token, key, body);
		}
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(this.json.readTree(created.body()).path("status").asString()).isEqualTo("APPROVED");
		HttpResponse<String> replayed = this.api.post(token, key, body);
		assertThat(replayed.statusCode()).isEqualTo(201);
		assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
	}

	@Test
	void theCheckoutPageNeedsOneConnectionAtATime() throws Exception {
		TestShop.Sale sale = this.shop.sale();
		WebClient browser = new WebClient(this.port).language("en");
		Page result;
		try (Connection taken = this.dataSource.getConnection()) {
			Page form = browser.get("/checkout/" + sale.offerCode());
			assertThat(form.status()).isEqualTo(200);
			result = browser.submit("/checkout/" + sale.offerCode(),
					CheckoutIntegrationTests.card(form, TestShop.unique("page"), SandboxCards.APPROVED));
		}
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.document().getElementById("transaction").text()).matches("HP\\d{14}");
	}

	@Test
	void withNoConnectionFreeACheckoutIsToldToRetry() throws Exception {
		TestShop.Sale sale = this.shop.sale();
		String token = this.api.token(this.credentials, sale.producer());
		String key = UUID.randomUUID().toString();
		String body = CheckoutApi.cardBody(sale.offerCode(), TestShop.unique("busy"), SandboxCards.APPROVED);
		HttpResponse<String> busy;
		try (Connection taken = this.dataSource.getConnection();
				Connection alsoTaken = this.dataSource.getConnection()) {
			busy = this.api.post(token, key, body);
		}
		assertThat(busy.statusCode()).isEqualTo(503);
		assertThat(busy.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isPositive());
		assertThat(this.json.readTree(busy.body()).path("error").asString()).isEqualTo("service_unavailable");
		assertThat(this.json.readTree(busy.body()).path("error_description").asString()).startsWith("Atrium is busy");
		assertThat(this.json.readTree(busy.body()).path("message").asString()).startsWith("Atrium is busy");

		HttpResponse<String> retry = this.api.post(token, key, body);
		assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
		assertThat(this.jdbc.sql("SELECT count(*) FROM purchases WHERE checkout_attempt = ?")
			.param("api:" + sale.producer() + ":" + key)
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void withNoConnectionFreeTheCheckoutPageIsToldToRetry() throws Exception {
		TestShop.Sale sale = this.shop.sale();
		Page busy;
		try (Connection taken = this.dataSource.getConnection();
				Connection alsoTaken = this.dataSource.getConnection()) {
			busy = new WebClient(this.port).language("pt-BR").get("/checkout/" + sale.offerCode());
		}
		assertThat(busy.status()).isEqualTo(503);
		assertThat(busy.header("Retry-After")).matches("\\d+");
		assertThat(busy.text()).contains("Tente de novo");
	}

}
