package io.atrium.checkout;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.atrium.accounts.Accounts;
import io.atrium.api.ApiCredentials;
import io.atrium.catalog.Coupons;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.checkout.internal.SandboxCards;
import io.atrium.support.AtriumIntegrationTest;
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
 * A launch: hundreds of concurrent {@code POST /api/v1/checkout} at the default pool of
 * 20 connections all succeed, each key buying exactly once; concurrent duplicates of one
 * key buy once and the others are told to retry or get the first answer.
 */
@AtriumIntegrationTest
// The default pool of 20 connections. The checkout queue may wait longer than in
// production: this asserts that nothing fails (no deadlock, no 500, exactly one purchase
// per key), not how fast a shared, slow CI machine drains a 400-request burst.
@TestPropertySource(properties = { "spring.datasource.hikari.maximum-pool-size=20",
		"atrium.checkout.queue-timeout=120s", "atrium.api.rate-limit-per-minute=100000" })
@DirtiesContext
class CheckoutConcurrencyIntegrationTests {

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

	CheckoutApi api;

	@BeforeEach
	void shop() {
		this.shop = new TestShop(this.accounts, this.products, this.offers, this.coupons);
		this.api = new CheckoutApi(this.port, this.json);
	}

	@Test
	void hundredsOfConcurrentCheckoutsAllSucceedOncePerKey() throws Exception {
		TestShop.Sale sale = this.shop.sale();
		String token = this.api.token(this.credentials, sale.producer());
		for (int burst : new int[] { 100, 400 }) {
			Map<String, String> bodies = new HashMap<>();
			for (int i = 0; i < burst; i++) {
				bodies.put(UUID.randomUUID().toString(),
						CheckoutApi.cardBody(sale.offerCode(), TestShop.unique("launch"), SandboxCards.APPROVED));
			}
			List<HttpResponse<String>> answers = fire(burst, new ArrayList<>(bodies.entrySet()),
					(entry) -> this.api.post(token, entry.getKey(), entry.getValue()));
			assertThat(answers)
				.allSatisfy((answer) -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201));
			for (String key : bodies.keySet()) {
				assertThat(purchasesFor(sale.producer(), key)).as(key).isOne();
			}
		}
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM sandbox_charges c JOIN purchases p ON p.transaction_code = c.idempotency_key "
					+ "WHERE p.producer_account_id = ?")
			.param(sale.producer())
			.query(Integer.class)
			.single()).isEqualTo(500);
	}

	@Test
	void concurrentDuplicatesOfOneKeyBuyOnce() throws Exception {
		TestShop.Sale sale = this.shop.sale();
		String token = this.api.token(this.credentials, sale.producer());
		String key = UUID.randomUUID().toString();
		String body = CheckoutApi.cardBody(sale.offerCode(), TestShop.unique("twice"), SandboxCards.APPROVED);
		List<Integer> copies = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			copies.add(i);
		}
		List<HttpResponse<String>> answers = fire(30, copies, (i) -> this.api.post(token, key, body));
		assertThat(answers).allSatisfy((answer) -> {
			if (answer.statusCode() == 409) {
				assertThat(answer.body()).contains("idempotency_key_in_use");
				assertThat(answer.headers().firstValue("Retry-After"))
					.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
			}
			else {
				assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
			}
		});
		assertThat(answers).anySatisfy((answer) -> assertThat(answer.statusCode()).isEqualTo(201));
		assertThat(purchasesFor(sale.producer(), key)).isOne();
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM sandbox_charges c JOIN purchases p ON p.transaction_code = c.idempotency_key "
					+ "WHERE p.checkout_attempt = ?")
			.param("api:" + sale.producer() + ":" + key)
			.query(Integer.class)
			.single()).isOne();
		HttpResponse<String> later = this.api.post(token, key, body);
		assertThat(later.statusCode()).isEqualTo(201);
		assertThat(later.headers().firstValue("Idempotent-Replayed")).hasValue("true");
	}

	private int purchasesFor(long producer, String key) {
		return this.jdbc.sql("SELECT count(*) FROM purchases WHERE checkout_attempt = ?")
			.param("api:" + producer + ":" + key)
			.query(Integer.class)
			.single();
	}

	private static <T> List<HttpResponse<String>> fire(int threads, List<T> work,
			java.util.function.Function<T, HttpResponse<String>> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<HttpResponse<String>>> futures = new ArrayList<>();
			for (T item : work) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.apply(item);
				}));
			}
			start.countDown();
			List<HttpResponse<String>> answers = new ArrayList<>();
			for (Future<HttpResponse<String>> future : futures) {
				answers.add(future.get(3, TimeUnit.MINUTES));
			}
			return answers;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
