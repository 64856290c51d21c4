package io.atrium.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import io.atrium.catalog.BillingPeriod;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.club.access.ClubAccess;
import io.atrium.subscriptions.Actor;
import io.atrium.subscriptions.Subscription;
import io.atrium.subscriptions.SubscriptionChange;
import io.atrium.subscriptions.SubscriptionStatus;
import io.atrium.subscriptions.Subscriptions;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Eventually;
import io.atrium.support.TestMail;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import io.atrium.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo a newcomer gets on the first start: logins that work, and API credentials with
 * the values given in the environment, usable right away.
 */
@AtriumIntegrationTest
@TestPropertySource(properties = { "atrium.demo.enabled=true", "atrium.demo.client-id=demo-client",
		"atrium.demo.client-secret=demo-secret-with-enough-length-0123456789" })
class DemoDataIntegrationTests {

	// the purchases DemoPurchases seeds (not the subscriptions' charges)
	private static final String SINGLE_SALE = "checkout_attempt LIKE 'demo-HP%'";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoData demo;

	@Autowired
	Subscriptions subscriptions;

	@Autowired
	ClubAccess access;

	@Autowired
	JsonMapper json;

	@Test
	void demoLoginsWork() {
		assertThat(new WebClient(this.port).logIn(DemoData.PRODUCER, DemoData.PASSWORD).path()).isEqualTo("/business");
		assertThat(new WebClient(this.port).logIn("ana@demo.atrium.test", DemoData.PASSWORD).path())
			.isEqualTo("/purchases");
		assertThat(new WebClient(this.port).logIn(DemoData.ADMIN, DemoData.PASSWORD).path()).isEqualTo("/admin");
		assertThat(this.demo.startupNotes("http://localhost")).anyMatch((l) -> l.contains(DemoData.PRODUCER));
	}

	@Test
	void theDemoProducerHasAFewHundredConsistentPurchasesInVariedStatusesSeededOnce() {
		long producer = this.jdbc.sql("SELECT id FROM accounts WHERE email = ?")
			.param(DemoData.PRODUCER)
			.query(Long.class)
			.single();
		java.util.Map<String, Long> counts = new java.util.HashMap<>();
		this.jdbc
			.sql("SELECT status, COUNT(*) FROM purchases WHERE producer_account_id = ? AND " + SINGLE_SALE
					+ " GROUP BY status")
			.param(producer)
			.query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		assertThat(counts.keySet()).contains("APPROVED", "COMPLETE", "REFUNDED", "CHARGEBACK", "CANCELLED", "NO_FUNDS",
				"EXPIRED", "WAITING_PAYMENT");
		assertThat(counts.values()).allMatch((c) -> c > 0);
		assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(DemoPurchases.PURCHASES);
		assertThat(this.jdbc
			.sql("SELECT COUNT(DISTINCT buyer_email) FROM purchases WHERE producer_account_id = ? AND " + SINGLE_SALE)
			.param(producer)
			.query(Long.class)
			.single()).isGreaterThan(40);
		// every purchase has its charge at the gateway, refunded ones refunded there too
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM purchases p JOIN sandbox_charges c ON c.idempotency_key = p.transaction_code "
					+ "WHERE p.producer_account_id = ? AND p." + SINGLE_SALE
					+ " AND (p.status <> 'REFUNDED' OR c.status = 'REFUNDED')")
			.param(producer)
			.query(Long.class)
			.single()).isEqualTo(DemoPurchases.PURCHASES);
		// no purchase e-mail went to a demo buyer
		assertThat(io.atrium.support.TestMail.to("buyer1@demo.atrium.test")).isEmpty();
		long all = this.jdbc.sql("SELECT COUNT(*) FROM purchases WHERE producer_account_id = ?")
			.param(producer)
			.query(Long.class)
			.single();
		this.demo.seedOnFirstStart();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM purchases WHERE producer_account_id = ?")
			.param(producer)
			.query(Long.class)
			.single()).isEqualTo(all);
	}

	@Test
	void theSubscriptionProductHasSubscribersInEveryStatusWithTheirChargesAndNoEmail() {
		long producer = this.jdbc.sql("SELECT id FROM accounts WHERE email = ?")
			.param(DemoData.PRODUCER)
			.query(Long.class)
			.single();
		List<Subscription> all = this.subscriptions.ofProducer(producer);
		assertThat(all).extracting(Subscription::status)
			.contains(SubscriptionStatus.ACTIVE, SubscriptionStatus.DELAYED, SubscriptionStatus.OVERDUE,
					SubscriptionStatus.INACTIVE, SubscriptionStatus.CANCELLED_BY_CUSTOMER,
					SubscriptionStatus.CANCELLED_BY_SELLER, SubscriptionStatus.CANCELLED_BY_ADMIN);
		assertThat(all).hasSizeGreaterThan(40);
		assertThat(all).anyMatch(Subscription::inTrial);
		assertThat(all).anyMatch((s) -> s.status() == SubscriptionStatus.DELAYED && s.cardNeedsUpdate());
		assertThat(all).anyMatch((s) -> s.status() == SubscriptionStatus.DELAYED && !s.cardNeedsUpdate());
		assertThat(all).anyMatch((s) -> s.status() == SubscriptionStatus.OVERDUE && s.unpaidCount() == 2);
		assertThat(all).anyMatch((s) -> s.status() == SubscriptionStatus.CANCELLED_BY_CUSTOMER
				&& s.accessUntil().isAfter(Instant.now()));
		assertThat(all).filteredOn((s) -> s.status() == SubscriptionStatus.CANCELLED_BY_ADMIN)
			.extracting((s) -> cancellation(s).actor())
			.contains(Actor.ADMIN, Actor.SYSTEM);
		assertThat(all)
			.anyMatch((s) -> s.plan().period() == BillingPeriod.MONTHLY && s.productName().startsWith("Workshop"));

		Subscription helena = subscriber(all, "helena.duarte");
		assertThat(helena.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(this.subscriptions.charges(helena)).hasSizeGreaterThanOrEqualTo(7)
			.allMatch((p) -> p.status() == PurchaseStatus.APPROVED || p.status() == PurchaseStatus.COMPLETE)
			.allMatch((p) -> p.imported() && p.subscriptionId() == helena.id().longValue());
		assertThat(this.subscriptions.charges(helena)).extracting(Purchase::recurrenceNumber)
			.startsWith(1, 2, 3, 4, 5, 6, 7);
		// recovered by the second retry: recurrence 3 refused twice, then paid
		Subscription rafael = subscriber(all, "rafael.lima");
		assertThat(rafael.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(this.subscriptions.history(rafael)).extracting(SubscriptionChange::cause)
			.contains("CHARGE_DECLINED", "RECOVERED");
		assertThat(this.jdbc
			.sql("SELECT charge_attempts FROM purchases WHERE subscription_id = ? AND recurrence_number = 3")
			.param(rafael.id())
			.query(Integer.class)
			.single()).isEqualTo(3);
		// overdue: the unpaid charge stays chargeable; auto-cancelled: the unpaid ones
		// dropped
		Subscription marina = subscriber(all, "marina.costa");
		assertThat(marina.status()).isEqualTo(SubscriptionStatus.OVERDUE);
		assertThat(this.subscriptions.charges(marina)).last()
			.satisfies((p) -> assertThat(p.status()).isEqualTo(PurchaseStatus.OVERDUE));
		Subscription jorge = subscriber(all, "jorge.navarro");
		assertThat(cancellation(jorge).cause()).isEqualTo("UNPAID_RECURRENCES");
		assertThat(this.subscriptions.charges(jorge)).extracting(Purchase::status).contains(PurchaseStatus.CANCELLED);
		assertThat(all).filteredOn((s) -> !s.subscriber().email().equals(DemoSubscriptions.DAVID))
			.allSatisfy((s) -> assertThat(this.subscriptions.history(s)).last()
				.satisfies((c) -> assertThat(c.cause()).isEqualTo("IMPORTED")));

		// everything due up to the import was done: the renewal run has nothing left to
		// catch up on
		assertThat(all).filteredOn((s) -> !s.subscriber().email().equals(DemoSubscriptions.DAVID))
			.allSatisfy((s) -> assertThat(s.nextAttemptAt()).satisfiesAnyOf((next) -> assertThat(next).isNull(),
					(next) -> assertThat(next)
						.isAfter(this.subscriptions.history(s).get(this.subscriptions.history(s).size() - 1).at())));
		// no e-mail to an imported subscriber
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient LIKE '%@demo.atrium.test' "
					+ "AND template LIKE 'subscriptions/mail/%'")
			.query(Long.class)
			.single()).isZero();
		assertThat(TestMail.to("helena.duarte@demo.atrium.test")).isEmpty();
	}

	@Test
	void theCompatibleApiListsTheDemoSubscribersInEveryStatusWithTheirPurchases() throws Exception {
		String token = this.json.readTree(token().body()).path("access_token").asString();
		long yearAgo = Instant.now().minus(Duration.ofDays(400)).toEpochMilli();
		JsonNode page = this.json
			.readTree(get("/payments/api/v1/subscriptions?max_results=500&accession_date=" + yearAgo, token));
		List<String> statuses = new ArrayList<>();
		page.path("items").forEach((item) -> statuses.add(item.path("status").asString()));
		assertThat(statuses).contains("ACTIVE", "DELAYED", "OVERDUE", "INACTIVE", "CANCELLED_BY_CUSTOMER",
				"CANCELLED_BY_SELLER", "CANCELLED_BY_ADMIN");
		JsonNode overdue = this.json
			.readTree(get("/payments/api/v1/subscriptions?status=OVERDUE,DELAYED&accession_date=" + yearAgo, token));
		assertThat(overdue.path("items")).hasSizeGreaterThanOrEqualTo(4);

		String helena = this.subscriptions.ofProducer(producer())
			.stream()
			.filter((s) -> s.subscriber().email().equals("helena.duarte@demo.atrium.test"))
			.findFirst()
			.orElseThrow()
			.code();
		JsonNode purchases = this.json.readTree(get("/payments/api/v1/subscriptions/" + helena + "/purchases", token));
		assertThat(purchases.isArray()).isTrue();
		assertThat(purchases).hasSizeGreaterThanOrEqualTo(7);
	}

	private String get(String path, String token) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Authorization", "Bearer " + token)
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
		return response.body();
	}

	private long producer() {
		return this.jdbc.sql("SELECT id FROM accounts WHERE email = ?")
			.param(DemoData.PRODUCER)
			.query(Long.class)
			.single();
	}

	@Test
	void davidSubscribesToTheRecipesClubAndTheWorkshopPassWithOneAccount() {
		long david = this.jdbc.sql("SELECT id FROM accounts WHERE email = ?")
			.param(DemoSubscriptions.DAVID)
			.query(Long.class)
			.single();
		Eventually.until("David's subscriptions start", () -> this.subscriptions.ofBuyer(david).size() == 2);
		List<Subscription> his = this.subscriptions.ofBuyer(david);
		assertThat(his).extracting(Subscription::status).containsOnly(SubscriptionStatus.ACTIVE);
		assertThat(his).extracting(Subscription::productName)
			.containsExactlyInAnyOrder("Clube de Receitas", "Workshop Ao Vivo");
		assertThat(his).allSatisfy((s) -> assertThat(s.card()).isNotNull());
		long club = his.stream()
			.filter((s) -> s.productName().equals("Clube de Receitas"))
			.findFirst()
			.orElseThrow()
			.productId();
		Eventually.until("David opens the recipes club", () -> this.access.course(david, club, Set.of()).isPresent());
		assertThat(this.access.course(david, club, Set.of()).orElseThrow().modules()).isNotEmpty();
		assertThat(this.demo.startupNotes("http://localhost")).anyMatch((l) -> l.contains(DemoSubscriptions.DAVID));
	}

	private Subscription subscriber(List<Subscription> all, String user) {
		return all.stream()
			.filter((s) -> s.subscriber().email().equals(user + "@demo.atrium.test"))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No demo subscriber " + user));
	}

	private SubscriptionChange cancellation(Subscription s) {
		return this.subscriptions.history(s)
			.stream()
			.filter((c) -> c.to().cancelled() && !c.cause().equals("IMPORTED"))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void seedingTwiceChangesNothing() {
		long before = this.jdbc.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single();
		this.demo.seedOnFirstStart();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single()).isEqualTo(before);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM api_credentials WHERE client_id = 'demo-client'")
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void demoCredentialsGetATokenRightAway() throws Exception {
		HttpResponse<String> token = token();
		assertThat(token.statusCode()).isEqualTo(200);
		assertThat(token.body()).contains("\"token_type\":\"bearer\"").contains("\"expires_in\":172799");
	}

	private HttpResponse<String> token() throws Exception {
		String basic = Base64.getEncoder()
			.encodeToString("demo-client:demo-secret-with-enough-length-0123456789".getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port
					+ "/security/oauth/token?grant_type=client_credentials&client_id=demo-client"
					+ "&client_secret=demo-secret-with-enough-length-0123456789"))
			.header("Authorization", "Basic " + basic)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
