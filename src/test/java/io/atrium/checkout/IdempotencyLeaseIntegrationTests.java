package io.atrium.checkout;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import io.atrium.accounts.Accounts;
import io.atrium.api.ApiCredentials;
import io.atrium.catalog.Coupons;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.checkout.internal.SandboxCards;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An idempotency key never sticks: while its first request holds the lease a duplicate is
 * told when to retry (409 with {@code Retry-After}); once the lease ended (the first
 * request's process died) a retry takes the key over and completes the purchase exactly
 * once, charging the card at most once.
 */
@AtriumIntegrationTest
class IdempotencyLeaseIntegrationTests {

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
	Checkout checkout;

	@Autowired
	TestClock clock;

	TestShop shop;

	CheckoutApi api;

	@BeforeEach
	void shop() {
		this.shop = new TestShop(this.accounts, this.products, this.offers, this.coupons);
		this.api = new CheckoutApi(this.port, this.json);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aRequestThatDiedAfterChargingIsCompletedByTheRetryWithoutASecondCharge() {
		TestShop.Sale sale = this.shop.sale();
		String token = this.api.token(this.credentials, sale.producer());
		String key = UUID.randomUUID().toString();
		String body = CheckoutApi.cardBody(sale.offerCode(), TestShop.unique("crash"), SandboxCards.APPROVED);
		HttpResponse<String> first = this.api.post(token, key, body);
		assertThat(first.statusCode()).isEqualTo(201);
		String transaction = this.json.readTree(first.body()).path("transaction").asString();
		// the first request's process dies after the purchase, before its response is
		// stored
		diedHoldingTheKey(sale.producer(), key, Duration.ofSeconds(5));

		HttpResponse<String> duplicate = this.api.post(token, key, body);
		assertThat(duplicate.statusCode()).isEqualTo(409);
		assertThat(duplicate.body()).contains("idempotency_key_in_use");
		assertThat(duplicate.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 5));

		this.clock.advance(Duration.ofSeconds(6));
		HttpResponse<String> retry = this.api.post(token, key, body);
		assertThat(retry.statusCode()).isEqualTo(201);
		assertThat(retry.headers().firstValue("Idempotent-Replayed")).isEmpty();
		assertThat(this.json.readTree(retry.body()).path("transaction").asString()).isEqualTo(transaction);
		assertThat(this.json.readTree(retry.body()).path("status").asString()).isEqualTo("APPROVED");
		assertThat(purchases(sale.producer(), key)).isOne();
		assertThat(charges(transaction)).isOne();

		HttpResponse<String> again = this.api.post(token, key, body);
		assertThat(again.statusCode()).isEqualTo(201);
		assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
	}

	@Test
	void aRequestThatDiedBeforeChargingIsChargedOnceByTheRetry() {
		TestShop.Sale sale = this.shop.sale();
		String token = this.api.token(this.credentials, sale.producer());
		String email = TestShop.unique("early");
		String body = CheckoutApi.cardBody(sale.offerCode(), email, SandboxCards.APPROVED);
		String key = UUID.randomUUID().toString();
		// the same request under another key, only to learn its fingerprint
		String other = UUID.randomUUID().toString();
		assertThat(this.api.post(token, other, body).statusCode()).isEqualTo(201);
		String fingerprint = this.jdbc
			.sql("SELECT request_hash FROM api_idempotency_keys WHERE producer_account_id = ? AND idempotency_key = ?")
			.params(sale.producer(), other)
			.query(String.class)
			.single();
		// the first request with the key claimed it and recorded its purchase, then died
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		this.jdbc
			.sql("INSERT INTO api_idempotency_keys (producer_account_id, idempotency_key, request_hash, status, "
					+ "owner_token, locked_until, created_at) VALUES (?, ?, ?, 'STARTED', 'dead', ?, ?)")
			.params(sale.producer(), key, fingerprint, now.plusSeconds(5), now)
			.update();
		Purchase started = this.checkout
			.begin(new CheckoutRequest("api:" + sale.producer() + ":" + key, sale.offerCode(), null,
					new Buyer("Ana Souza", email, null, Locale.forLanguageTag("pt-BR")), PaymentMethod.CARD, null,
					sale.producer()))
			.purchase();
		assertThat(started.status()).isEqualTo(PurchaseStatus.STARTED);

		assertThat(this.api.post(token, key, body).statusCode()).isEqualTo(409);
		this.clock.advance(Duration.ofSeconds(6));
		HttpResponse<String> retry = this.api.post(token, key, body);
		assertThat(retry.statusCode()).isEqualTo(201);
		assertThat(this.json.readTree(retry.body()).path("transaction").asString()).isEqualTo(started.transaction());
		assertThat(this.json.readTree(retry.body()).path("status").asString()).isEqualTo("APPROVED");
		assertThat(purchases(sale.producer(), key)).isOne();
		assertThat(charges(started.transaction())).isOne();
	}

	@Test
	void aFailedRequestLeavesItsKeyFree() {
		TestShop.Sale sale = this.shop.sale();
		String token = this.api.token(this.credentials, sale.producer());
		String key = UUID.randomUUID().toString();
		HttpResponse<String> unknown = this.api.post(token, key,
				CheckoutApi.cardBody("NOPE0000", TestShop.unique("lost"), SandboxCards.APPROVED));
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM api_idempotency_keys WHERE producer_account_id = ? AND idempotency_key = ?")
			.params(sale.producer(), key)
			.query(Integer.class)
			.single()).isZero();
		HttpResponse<String> corrected = this.api.post(token, key,
				CheckoutApi.cardBody(sale.offerCode(), TestShop.unique("found"), SandboxCards.APPROVED));
		assertThat(corrected.statusCode()).isEqualTo(201);
		assertThat(purchases(sale.producer(), key)).isOne();
	}

	private void diedHoldingTheKey(long producer, String key, Duration lease) {
		OffsetDateTime until = OffsetDateTime.ofInstant(this.clock.instant().plus(lease), ZoneOffset.UTC);
		assertThat(this.jdbc
			.sql("UPDATE api_idempotency_keys SET status = 'STARTED', owner_token = 'dead', locked_until = ?, "
					+ "response_status = NULL, response_body = NULL WHERE producer_account_id = ? AND idempotency_key = ?")
			.params(until, producer, key)
			.update()).isOne();
	}

	private int purchases(long producer, String key) {
		return this.jdbc.sql("SELECT count(*) FROM purchases WHERE checkout_attempt = ?")
			.param("api:" + producer + ":" + key)
			.query(Integer.class)
			.single();
	}

	private int charges(String transaction) {
		return this.jdbc.sql("SELECT count(*) FROM sandbox_charges WHERE idempotency_key = ?")
			.param(transaction)
			.query(Integer.class)
			.single();
	}

}
