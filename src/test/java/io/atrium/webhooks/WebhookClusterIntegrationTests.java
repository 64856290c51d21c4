package io.atrium.webhooks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import io.atrium.AtriumApplication;
import io.atrium.accounts.Accounts;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.checkout.Checkout;
import io.atrium.support.Eventually;
import io.atrium.support.TestClock;
import io.atrium.support.TestDatabase;
import io.atrium.support.TestMail;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of Atrium on one database: every attempt is posted once, whichever
 * instance claims it; and an instance killed while a post is in flight loses nothing (the
 * other posts it again, with the same id, once the claim expires).
 */
class WebhookClusterIntegrationTests {

	@Test
	void twoInstancesPostEachAttemptOnce() throws Exception {
		List<String> args = arguments("2s");
		List<Receiver> receivers = new ArrayList<>();
		try (ConfigurableApplicationContext a = start(args); ConfigurableApplicationContext b = start(args)) {
			Webhooks webhooks = a.getBean(Webhooks.class);
			WebhookWorld world = world(a);
			long producer = world.producer();
			List<Long> endpoints = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				Receiver receiver = new Receiver();
				receiver.answer((r) -> new Receiver.Reply(200, Map.of(), "ok", Duration.ofMillis(150)));
				receivers.add(receiver);
				endpoints.add(world.endpoint(producer, receiver.url()).endpoint().id());
			}
			// both dispatchers tick at once, again and again, besides their scheduled
			// ticks
			AtomicBoolean running = new AtomicBoolean(true);
			List<Thread> tickers = new ArrayList<>();
			for (ConfigurableApplicationContext context : List.of(a, b)) {
				WebhookDispatcher dispatcher = context.getBean(WebhookDispatcher.class);
				Thread ticker = new Thread(() -> {
					while (running.get()) {
						dispatcher.dispatch();
					}
				});
				ticker.start();
				tickers.add(ticker);
			}
			List<Long> deliveries = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				deliveries.add(webhooks.sendTest(producer, endpoints.get(i % 4), WebhookEvent.PURCHASE_APPROVED).id());
			}
			try {
				Eventually.until("every delivery delivered", () -> deliveries.stream()
					.allMatch((id) -> webhooks.delivery(producer, id).status() == DeliveryStatus.DELIVERED));
			}
			finally {
				running.set(false);
				for (Thread ticker : tickers) {
					ticker.join();
				}
			}
			Set<String> ids = new HashSet<>();
			int posts = 0;
			for (Receiver receiver : receivers) {
				for (Receiver.Request request : receiver.requests()) {
					posts++;
					ids.add(request.header("webhook-id"));
				}
			}
			assertThat(posts).isEqualTo(40);
			assertThat(ids).hasSize(40);
			assertThat(deliveries).allSatisfy((id) -> {
				assertThat(webhooks.delivery(producer, id).attempts()).isEqualTo(1);
				assertThat(webhooks.attempts(producer, id)).hasSize(1);
			});
		}
		finally {
			receivers.forEach(Receiver::close);
		}
	}

	@Test
	void anInstanceKilledMidPostLosesNothing() throws Exception {
		// the first instance waits up to 20 s for an answer: its claim outlives its death
		List<String> slow = arguments("20s");
		List<String> normal = new ArrayList<>(slow);
		normal.replaceAll(
				(arg) -> arg.equals("--atrium.webhooks.read-timeout=20s") ? "--atrium.webhooks.read-timeout=2s" : arg);
		CountDownLatch release = new CountDownLatch(1);
		try (Receiver receiver = new Receiver()) {
			receiver.answer((r) -> {
				if (receiverCalls(receiver) == 1) {
					await(release);
				}
				return Receiver.Reply.status(200);
			});
			long producer;
			long deliveryId;
			String eventId;
			ConfigurableApplicationContext first = start(slow);
			try {
				WebhookWorld world = world(first);
				producer = world.producer();
				long endpoint = world.endpoint(producer, receiver.url()).endpoint().id();
				WebhookDelivery delivery = first.getBean(Webhooks.class)
					.sendTest(producer, endpoint, WebhookEvent.PURCHASE_APPROVED);
				deliveryId = delivery.id();
				eventId = delivery.eventId();
				receiver.await(1);
			}
			finally {
				// killed while the receiver still holds the post: no outcome is recorded
				first.close();
				release.countDown();
			}
			try (ConfigurableApplicationContext second = start(normal)) {
				JdbcClient jdbc = JdbcClient.create(second.getBean(DataSource.class));
				assertThat(jdbc.sql("SELECT status FROM webhook_deliveries WHERE id = ?")
					.param(deliveryId)
					.query(String.class)
					.single()).isEqualTo("PENDING");
				// the dead instance's claim runs out (22 s from its post)
				second.getBean(TestClock.class).advance(Duration.ofSeconds(30));
				Webhooks webhooks = second.getBean(Webhooks.class);
				Eventually.until("delivered by the second instance",
						() -> webhooks.delivery(producer, deliveryId).status() == DeliveryStatus.DELIVERED);
				assertThat(receiver.requests()).hasSize(2);
				assertThat(receiver.requests()).extracting((r) -> r.header("webhook-id")).containsOnly(eventId);
				assertThat(webhooks.delivery(producer, deliveryId).attempts()).isEqualTo(1);
			}
		}
	}

	private static int receiverCalls(Receiver receiver) {
		return receiver.requests().size();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static WebhookWorld world(ConfigurableApplicationContext context) {
		return new WebhookWorld(context.getBean(Accounts.class), context.getBean(Products.class),
				context.getBean(Offers.class), context.getBean(Checkout.class), context.getBean(Webhooks.class));
	}

	private static ConfigurableApplicationContext start(List<String> args) {
		return new SpringApplicationBuilder(AtriumApplication.class, TestClock.Configuration.class)
			.run(args.toArray(String[]::new));
	}

	/**
	 * One database for both instances: a file on H2, a fresh schema on PostgreSQL.
	 */
	private static List<String> arguments(String readTimeout) {
		List<String> args = new ArrayList<>(
				List.of("--server.port=0", "--atrium.demo.enabled=false", "--spring.mail.host=127.0.0.1",
						"--spring.mail.port=" + TestMail.smtpPort(), "--atrium.mail.from=Atrium <no-reply@atrium.test>",
						"--db-scheduler.polling-interval=100ms", "--logging.level.com.github.kagkarlsson=WARN",
						"--atrium.webhooks.allow-private-addresses=true", "--atrium.webhooks.allow-http=true",
						"--atrium.webhooks.connect-timeout=1s", "--atrium.webhooks.read-timeout=" + readTimeout,
						"--atrium.webhooks.claim-margin=1s", "--atrium.webhooks.poll-interval=100ms",
						"--atrium.webhooks.workers=4", "--atrium.webhooks.per-endpoint=2"));
		if ("postgres".equals(TestDatabase.kind())) {
			TestDatabase.FreshDatabase database = TestDatabase.fresh();
			args.add("--spring.datasource.url=" + database.url());
			args.add("--spring.datasource.username=");
			args.add("--spring.datasource.password=");
			args.add("--spring.flyway.default-schema=" + database.schema());
			args.add("--spring.datasource.hikari.maximum-pool-size=4");
		}
		else {
			Path file = Path.of("target", "webhook-cluster-test", UUID.randomUUID().toString()).toAbsolutePath();
			args.add("--spring.datasource.url=jdbc:h2:file:" + file
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
		}
		return args;
	}

}
