package io.atrium;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.api.ApiCredentials;
import io.atrium.catalog.Delivery;
import io.atrium.catalog.ImageChange;
import io.atrium.catalog.OfferDetails;
import io.atrium.catalog.Offers;
import io.atrium.catalog.PaymentMode;
import io.atrium.catalog.Product;
import io.atrium.catalog.ProductDetails;
import io.atrium.catalog.ProductFormat;
import io.atrium.catalog.ProductStatus;
import io.atrium.catalog.Products;
import io.atrium.checkout.internal.SandboxCards;
import io.atrium.shared.EmailAddress;
import io.atrium.shared.Money;
import io.atrium.support.TestDatabase;
import io.atrium.support.TestDatabase.FreshDatabase;
import io.atrium.support.TestMail;
import io.atrium.support.WebClient;
import io.atrium.support.WebhookSink;
import io.atrium.webhooks.EndpointSettings;
import io.atrium.webhooks.WebhookEvent;
import io.atrium.webhooks.Webhooks;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two Atrium instances on one PostgreSQL database, as behind a load balancer without
 * sticky sessions (issue 14, item 3): purchases made through both send each e-mail once
 * and post each webhook event once to each endpoint; a log-in form served by one instance
 * is accepted by the other. (The rate limit and sessions across instances:
 * {@code ClusterRateLimitIntegrationTests}; renewals: {@code
 * RenewalsConcurrencyIntegrationTests}; crashes: {@link CrashIntegrationTests}.)
 */
class TwoInstancesIntegrationTests {

	static final int PURCHASES = 40;

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	static WebhookSink one;

	static WebhookSink two;

	final JsonMapper json = JsonMapper.builder().build();

	final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@BeforeAll
	static void startTwoInstances() {
		assumeTrue("postgres".equals(TestDatabase.kind()), "two instances share one PostgreSQL database");
		FreshDatabase database = TestDatabase.fresh();
		List<String> args = List.of("--server.port=0", "--atrium.demo.enabled=false",
				"--logging.level.com.github.kagkarlsson=WARN", "--spring.mail.host=127.0.0.1",
				"--spring.mail.port=" + TestMail.smtpPort(), "--atrium.mail.from=Atrium <no-reply@atrium.test>",
				"--spring.datasource.hikari.maximum-pool-size=6", "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=", "--spring.datasource.password=",
				"--spring.flyway.default-schema=" + database.schema(), "--db-scheduler.polling-interval=200ms",
				"--atrium.webhooks.poll-interval=200ms", "--atrium.webhooks.allow-http=true",
				"--atrium.webhooks.allow-private-addresses=true");
		first = new SpringApplicationBuilder(AtriumApplication.class).run(args.toArray(String[]::new));
		second = new SpringApplicationBuilder(AtriumApplication.class).run(args.toArray(String[]::new));
		one = new WebhookSink();
		two = new WebhookSink();
	}

	@AfterAll
	static void stop() {
		for (AutoCloseable closeable : new AutoCloseable[] { second, first, one, two }) {
			try {
				if (closeable != null) {
					closeable.close();
				}
			}
			catch (Exception ex) {
				// closing the rest matters more
			}
		}
	}

	@Test
	void purchasesThroughBothInstancesSendEachMailOnceAndEachWebhookOncePerEndpoint() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		long producer = first.getBean(Accounts.class)
			.createActive(EmailAddress.of("two-" + run + "@example.com"), "Two Instances", "correct horse battery",
					Locale.ENGLISH, Set.of(Role.PRODUCER))
			.id()
			.value();
		Product course = first.getBean(Products.class)
			.create(producer,
					new ProductDetails("Sourdough course", "Bake real bread at home.", "help@bakery.example",
							ProductFormat.ONLINE_COURSE, ProductStatus.ACTIVE, 7, Delivery.membersArea()),
					ImageChange.keep());
		String offer = first.getBean(Offers.class)
			.create(producer, course.id(),
					new OfferDetails("Full course", Money.of(10000, "BRL"), PaymentMode.SINGLE, null, null))
			.code();
		for (WebhookSink sink : List.of(one, two)) {
			second.getBean(Webhooks.class)
				.create(producer,
						new EndpointSettings(sink.url(), "two instances", EnumSet.allOf(WebhookEvent.class), Set.of()));
		}
		String basic = first.getBean(ApiCredentials.class).create(producer, "two instances").basicToken();
		String token = this.json
			.readTree(this.http.send(HttpRequest
				.newBuilder(URI.create(url(first, "/security/oauth/token?grant_type=client_credentials")))
				.header("Authorization", "Basic " + basic)
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString()).body())
			.path("access_token")
			.asString();

		List<Callable<Integer>> purchases = new ArrayList<>();
		for (int i = 0; i < PURCHASES; i++) {
			ConfigurableApplicationContext instance = (i % 2 == 0) ? first : second;
			String body = "{\"offer_code\":\"" + offer + "\",\"buyer\":{\"name\":\"Ana Souza\",\"email\":\"buyer-" + i
					+ "-" + run + "@example.com\"},\"payment\":{\"method\":\"CARD\",\"card\":{\"number\":\""
					+ SandboxCards.APPROVED
					+ "\",\"holder\":\"ANA\",\"exp_month\":12,\"exp_year\":2099,\"cvc\":\"123\"}}}";
			purchases.add(
					() -> this.http
						.send(HttpRequest.newBuilder(URI.create(url(instance, "/api/v1/checkout")))
							.header("Authorization", "Bearer " + token)
							.header("Content-Type", "application/json")
							.header("Idempotency-Key", UUID.randomUUID().toString())
							.POST(HttpRequest.BodyPublishers.ofString(body))
							.build(), HttpResponse.BodyHandlers.ofString())
						.statusCode());
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			for (Future<Integer> status : pool.invokeAll(purchases)) {
				assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(201);
			}
		}
		finally {
			pool.shutdownNow();
		}

		JdbcClient jdbc = first.getBean(JdbcClient.class);
		Awaitility.await("every e-mail sent and every webhook delivered")
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient LIKE ? AND status <> 'SENT'")
				.param("%-" + run + "@example.com")
				.query(Long.class)
				.single() == 0
					&& jdbc
						.sql("SELECT COUNT(*) FROM webhook_deliveries WHERE producer_account_id = ? "
								+ "AND status <> 'DELIVERED'")
						.param(producer)
						.query(Long.class)
						.single() == 0);

		Map<String, Integer> queued = new HashMap<>();
		jdbc.sql("SELECT recipient FROM mail_outbox WHERE recipient LIKE ?")
			.param("buyer-%-" + run + "@example.com")
			.query((rs) -> {
				queued.merge(rs.getString(1), 1, Integer::sum);
			});
		assertThat(queued).as("e-mails to the buyers").hasSize(PURCHASES);
		for (Map.Entry<String, Integer> buyer : queued.entrySet()) {
			List<MimeMessage> received = TestMail.to(buyer.getKey());
			assertThat(received).as("e-mails received by %s", buyer.getKey()).hasSize(buyer.getValue());
			Set<String> ids = new HashSet<>();
			for (MimeMessage message : received) {
				ids.add(message.getMessageID());
			}
			assertThat(ids).as("Message-IDs").hasSize(buyer.getValue());
		}

		List<String> events = jdbc
			.sql("SELECT DISTINCT event_id FROM webhook_deliveries WHERE producer_account_id = ? "
					+ "AND event_name = 'PURCHASE_APPROVED'")
			.param(producer)
			.query(String.class)
			.list();
		assertThat(events).hasSize(PURCHASES);
		Set<String> all = new HashSet<>(
				jdbc.sql("SELECT event_id FROM webhook_deliveries WHERE producer_account_id = ?")
					.param(producer)
					.query(String.class)
					.list());
		for (WebhookSink sink : List.of(one, two)) {
			assertThat(sink.received().keySet()).containsExactlyInAnyOrderElementsOf(all);
			assertThat(sink.received().values()).as("posts per webhook-id").containsOnly(1);
		}
	}

	@Test
	void aFormServedByOneInstanceIsAcceptedByTheOther() {
		String email = "form-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		first.getBean(Accounts.class)
			.createActive(EmailAddress.of(email), "Fran Form", "correct horse battery", Locale.ENGLISH,
					Set.of(Role.PRODUCER));
		WebClient browser = new WebClient(port(first));
		assertThat(browser.get("/login").status()).isEqualTo(200);
		// the log-in page (its session and CSRF token) came from the first instance; the
		// load balancer sends the form to the second
		WebClient.Page answer = browser.submit(url(second, "/login"),
				Map.of("email", email, "password", "correct horse battery"));
		assertThat(answer.path()).isEqualTo("/business");
		assertThat(browser.get(url(first, "/business")).status()).isEqualTo(200);
	}

	static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	static String url(ConfigurableApplicationContext context, String path) {
		return "http://localhost:" + port(context) + path;
	}

}
