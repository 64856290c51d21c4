package io.atrium.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.atrium.accounts.AccountId;
import io.atrium.accounts.Accounts;
import io.atrium.catalog.Delivery;
import io.atrium.catalog.Offer;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Product;
import io.atrium.catalog.Products;
import io.atrium.checkout.Checkout;
import io.atrium.checkout.Purchase;
import io.atrium.support.Eventually;
import io.atrium.support.TestClock;
import io.atrium.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Delivery against real receivers that fail, vanish, throttle and hang: the Standard
 * Webhooks retry schedule on a moved clock, {@code Retry-After}, 410, timeouts that never
 * hold up another receiver, an endpoint failing for five days, resends, replays and
 * secret rotation.
 */
@WebhookIntegrationTest
class WebhookDeliveryIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	Accounts accounts;

	@Autowired
	Products products;

	@Autowired
	Offers offers;

	@Autowired
	Checkout checkout;

	@Autowired
	Webhooks webhooks;

	@Autowired
	TestClock clock;

	WebhookWorld world;

	final List<Receiver> receivers = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.world = new WebhookWorld(this.accounts, this.products, this.offers, this.checkout, this.webhooks);
	}

	@AfterEach
	void tearDown() {
		this.receivers.forEach(Receiver::close);
		this.clock.reset();
	}

	Receiver receiver() {
		Receiver receiver = new Receiver();
		this.receivers.add(receiver);
		return receiver;
	}

	@Test
	void failuresAreRetriedOnTheScheduleHonouringRetryAfterWithTheSameId() throws InterruptedException {
		Receiver receiver = receiver();
		long producer = this.world.producer();
		CreatedEndpoint endpoint = this.world.endpoint(producer, receiver.url());
		receiver.answer((r) -> Receiver.Reply.status(500));

		WebhookDelivery test = this.webhooks.sendTest(producer, endpoint.endpoint().id(),
				WebhookEvent.PURCHASE_APPROVED);
		WebhookDelivery first = awaitDelivery(producer, test.id(), (d) -> d.attempts() == 1);
		assertThat(first.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(first.lastStatusCode()).isEqualTo(500);
		// 5 s ± 20 % from the end of the attempt; lastAttemptAt is its start, so allow
		// the
		// post's own duration on top
		assertThat(Duration.between(first.lastAttemptAt(), first.nextAttemptAt())).isBetween(Duration.ofSeconds(4),
				Duration.ofSeconds(7));

		receiver.answer((r) -> new Receiver.Reply(429, Map.of("Retry-After", "900"), "slow down", Duration.ZERO));
		this.clock.advance(Duration.ofSeconds(7));
		WebhookDelivery second = awaitDelivery(producer, test.id(), (d) -> d.attempts() == 2);
		assertThat(second.lastStatusCode()).isEqualTo(429);
		// 5 minutes ± 20 % would come first: Retry-After wins
		assertThat(Duration.between(second.lastAttemptAt(), second.nextAttemptAt())).isBetween(Duration.ofSeconds(900),
				Duration.ofSeconds(905));

		receiver.answer((r) -> Receiver.Reply.status(204));
		this.clock.advance(Duration.ofSeconds(600));
		Thread.sleep(1500);
		assertThat(this.webhooks.delivery(producer, test.id()).attempts()).isEqualTo(2);
		this.clock.advance(Duration.ofSeconds(310));
		WebhookDelivery delivered = awaitDelivery(producer, test.id(), (d) -> d.status() == DeliveryStatus.DELIVERED);
		assertThat(delivered.attempts()).isEqualTo(3);
		assertThat(delivered.lastStatusCode()).isEqualTo(204);

		List<Receiver.Request> requests = receiver.requests();
		assertThat(requests).hasSize(3);
		assertThat(requests).extracting((r) -> r.header("webhook-id")).containsOnly(test.eventId());
		assertThat(requests).extracting(Receiver.Request::body).containsOnly(test.payload());
		assertThat(requests).allSatisfy((r) -> assertThat(StandardWebhooksCheck.verifies(endpoint.secret(), r,
				Instant.ofEpochSecond(Long.parseLong(r.header("webhook-timestamp")))))
			.isTrue());
		List<DeliveryAttempt> attempts = this.webhooks.attempts(producer, test.id());
		assertThat(attempts).extracting(DeliveryAttempt::statusCode).containsExactly(500, 429, 204);
		assertThat(attempts.get(0).responseBody()).isEqualTo("answer 500");
		assertThat(attempts.get(1).responseBody()).isEqualTo("slow down");
		assertThat(attempts).allSatisfy((a) -> assertThat(a.latencyMillis()).isNotNegative());
		assertThat(this.webhooks.endpoint(producer, endpoint.endpoint().id()).status())
			.isEqualTo(EndpointStatus.ACTIVE);
	}

	@Test
	void aGoneReceiverDisablesItsEndpointAndItsProducerIsTold() {
		Receiver receiver = receiver();
		long producer = this.world.producer();
		String email = this.accounts.find(new AccountId(producer)).orElseThrow().email();
		CreatedEndpoint endpoint = this.world.endpoint(producer, receiver.url());
		receiver.answer((r) -> Receiver.Reply.status(410));

		WebhookDelivery test = this.webhooks.sendTest(producer, endpoint.endpoint().id(),
				WebhookEvent.PURCHASE_REFUNDED);
		WebhookDelivery failed = awaitDelivery(producer, test.id(), (d) -> d.status() == DeliveryStatus.FAILED);
		assertThat(failed.lastStatusCode()).isEqualTo(410);
		WebhookEndpoint disabled = this.webhooks.endpoint(producer, endpoint.endpoint().id());
		assertThat(disabled.status()).isEqualTo(EndpointStatus.DISABLED);
		assertThat(disabled.disabledReason()).isEqualTo(DisabledReason.GONE);
		MimeMessage mail = TestMail.awaitTo(email, 1, Duration.ofSeconds(30)).get(0);
		assertThat(TestMail.subject(mail)).contains(receiver.url());
		assertThat(TestMail.body(mail)).contains("410");

		// nothing more is posted to it
		WebhookDelivery later = this.webhooks.sendTest(producer, endpoint.endpoint().id(),
				WebhookEvent.PURCHASE_APPROVED);
		assertThat(later.status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(receiver.requests()).hasSize(1);
	}

	@Test
	void aHangingReceiverTimesOutWithoutHoldingUpAnotherProducersDeliveries() {
		Receiver hanging = receiver();
		Receiver healthy = receiver();
		hanging.answer((r) -> new Receiver.Reply(200, Map.of(), "late", Duration.ofSeconds(8)));
		long slowProducer = this.world.producer();
		long otherProducer = this.world.producer();
		CreatedEndpoint slow = this.world.endpoint(slowProducer, hanging.url());
		CreatedEndpoint fast = this.world.endpoint(otherProducer, healthy.url());

		List<Long> slowDeliveries = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			slowDeliveries
				.add(this.webhooks.sendTest(slowProducer, slow.endpoint().id(), WebhookEvent.PURCHASE_APPROVED).id());
		}
		hanging.await(1);
		Instant sent = Instant.now();
		this.webhooks.sendTest(otherProducer, fast.endpoint().id(), WebhookEvent.PURCHASE_APPROVED);
		Receiver.Request quick = healthy.await(1).get(0);
		assertThat(Duration.between(sent, quick.at())).isLessThan(Duration.ofSeconds(2));
		// at most per-endpoint (2) of the slow endpoint's deliveries were in flight at
		// once
		assertThat(hanging.requests()).hasSizeLessThanOrEqualTo(2);

		WebhookDelivery timedOut = awaitDelivery(slowProducer, slowDeliveries.get(0), (d) -> d.attempts() >= 1);
		assertThat(timedOut.status()).isEqualTo(DeliveryStatus.PENDING);
		assertThat(timedOut.lastStatusCode()).isNull();
		assertThat(timedOut.lastError()).contains("timed out");
		DeliveryAttempt attempt = this.webhooks.attempts(slowProducer, timedOut.id()).get(0);
		assertThat(attempt.latencyMillis()).isBetween(1900L, 5000L);
		assertThat(attempt.statusCode()).isNull();
	}

	@Test
	void aReceiverDownForHoursReceivesEveryEventAfterwardsWithTheSameIds() {
		Receiver receiver = receiver();
		long producer = this.world.producer();
		Product course = this.world.course(producer, Delivery.membersArea());
		Offer offer = this.world.single(producer, course.id(), 10000);
		CreatedEndpoint endpoint = this.world.endpoint(producer, receiver.url(),
				EnumSet.of(WebhookEvent.PURCHASE_APPROVED));
		receiver.down();
		List<Purchase> purchases = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			purchases.add(this.world.buy(offer.code(), WebhookWorld.unique("buyer"), WebhookWorld.APPROVED_CARD));
		}
		Eventually.until("three deliveries tried once", () -> deliveries(producer).size() == 3
				&& deliveries(producer).stream().allMatch((d) -> d.attempts() >= 1));
		Map<Long, String> ids = deliveries(producer).stream()
			.collect(Collectors.toMap(WebhookDelivery::id, WebhookDelivery::eventId));

		// hours of outage: each step reaches the next attempt of the schedule
		for (Duration step : List.of(Duration.ofSeconds(7), Duration.ofMinutes(7), Duration.ofMinutes(37),
				Duration.ofMinutes(145), Duration.ofHours(6))) {
			int before = deliveries(producer).stream().mapToInt(WebhookDelivery::attempts).min().orElseThrow();
			this.clock.advance(step);
			Eventually.until("another attempt",
					() -> deliveries(producer).stream().allMatch((d) -> d.attempts() > before));
		}
		assertThat(deliveries(producer)).allSatisfy((d) -> {
			assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
			assertThat(d.attempts()).isEqualTo(6);
			assertThat(d.lastError()).isNotBlank();
		});
		assertThat(receiver.requests()).isEmpty();

		receiver.up();
		this.clock.advance(Duration.ofHours(12));
		List<Receiver.Request> received = receiver.await(3);
		Eventually.until("all delivered",
				() -> deliveries(producer).stream().allMatch((d) -> d.status() == DeliveryStatus.DELIVERED));
		assertThat(received).hasSize(3);
		assertThat(received).extracting((r) -> r.header("webhook-id"))
			.containsExactlyInAnyOrderElementsOf(ids.values());
		assertThat(received)
			.extracting((r) -> JSON.readTree(r.body()).path("data").path("purchase").path("transaction").asString())
			.containsExactlyInAnyOrderElementsOf(purchases.stream().map(Purchase::transaction).toList());
		assertThat(received).allSatisfy((r) -> assertThat(StandardWebhooksCheck.verifies(endpoint.secret(), r,
				Instant.ofEpochSecond(Long.parseLong(r.header("webhook-timestamp")))))
			.isTrue());
		assertThat(this.webhooks.endpoint(producer, endpoint.endpoint().id()).status())
			.isEqualTo(EndpointStatus.ACTIVE);
	}

	@Test
	void anEndpointFailingForFiveDaysIsDisabledThenEnabledAndReplayed() {
		Receiver receiver = receiver();
		long producer = this.world.producer();
		String email = this.accounts.find(new AccountId(producer)).orElseThrow().email();
		CreatedEndpoint endpoint = this.world.endpoint(producer, receiver.url());
		long id = endpoint.endpoint().id();
		receiver.answer((r) -> Receiver.Reply.status(503));
		Instant start = this.clock.instant();
		WebhookDelivery first = this.webhooks.sendTest(producer, id, WebhookEvent.PURCHASE_APPROVED);
		awaitDelivery(producer, first.id(), (d) -> d.attempts() == 1);

		this.clock.advance(Duration.ofDays(5).plusMinutes(1));
		WebhookDelivery second = this.webhooks.sendTest(producer, id, WebhookEvent.PURCHASE_COMPLETE);
		Eventually.until("the endpoint disabled",
				() -> this.webhooks.endpoint(producer, id).status() == EndpointStatus.DISABLED);
		assertThat(this.webhooks.endpoint(producer, id).disabledReason()).isEqualTo(DisabledReason.FAILING);
		assertThat(this.webhooks.delivery(producer, first.id()).status()).isEqualTo(DeliveryStatus.FAILED);
		assertThat(this.webhooks.delivery(producer, second.id()).status()).isEqualTo(DeliveryStatus.FAILED);
		MimeMessage mail = TestMail.awaitTo(email, 1, Duration.ofSeconds(30)).get(0);
		assertThat(TestMail.body(mail)).contains("5 days").contains(receiver.url());

		receiver.answer((r) -> Receiver.Reply.status(200));
		this.webhooks.enable(producer, id);
		int before = receiver.requests().size();
		assertThat(this.webhooks.replay(producer, id, start.minusSeconds(1))).isEqualTo(2);
		Eventually.until("both delivered",
				() -> this.webhooks.delivery(producer, first.id()).status() == DeliveryStatus.DELIVERED
						&& this.webhooks.delivery(producer, second.id()).status() == DeliveryStatus.DELIVERED);
		assertThat(receiver.requests().subList(before, receiver.requests().size()))
			.extracting((r) -> r.header("webhook-id"))
			.containsExactlyInAnyOrder(first.eventId(), second.eventId());
	}

	@Test
	void aResendPostsTheSameEventAgainAndRotationSignsWithBothSecretsForADay() {
		Receiver receiver = receiver();
		long producer = this.world.producer();
		CreatedEndpoint endpoint = this.world.endpoint(producer, receiver.url());
		long id = endpoint.endpoint().id();
		WebhookDelivery test = this.webhooks.sendTest(producer, id, WebhookEvent.CLUB_FIRST_ACCESS);
		awaitDelivery(producer, test.id(), (d) -> d.status() == DeliveryStatus.DELIVERED);
		assertThat(this.webhooks.resend(producer, List.of(test.id(), Long.MAX_VALUE))).isEqualTo(1);
		List<Receiver.Request> twice = receiver.await(2);
		assertThat(twice).extracting((r) -> r.header("webhook-id")).containsOnly(test.eventId());
		assertThat(twice.get(1).header("webhook-signature").split(" ")).hasSize(1);

		CreatedEndpoint rotated = this.webhooks.rotateSecret(producer, id);
		assertThat(rotated.secret()).startsWith("whsec_").isNotEqualTo(endpoint.secret());
		assertThat(rotated.endpoint().previousSecretExpiresAt())
			.isAfter(this.clock.instant().plus(Duration.ofHours(23)));
		this.webhooks.sendTest(producer, id, WebhookEvent.CLUB_FIRST_ACCESS);
		Receiver.Request during = receiver.await(3).get(2);
		assertThat(during.header("webhook-signature").split(" ")).hasSize(2);
		Instant sentAt = Instant.ofEpochSecond(Long.parseLong(during.header("webhook-timestamp")));
		assertThat(StandardWebhooksCheck.verifies(endpoint.secret(), during, sentAt)).isTrue();
		assertThat(StandardWebhooksCheck.verifies(rotated.secret(), during, sentAt)).isTrue();

		this.clock.advance(Duration.ofHours(25));
		this.webhooks.sendTest(producer, id, WebhookEvent.CLUB_FIRST_ACCESS);
		Receiver.Request after = receiver.await(4).get(3);
		sentAt = Instant.ofEpochSecond(Long.parseLong(after.header("webhook-timestamp")));
		assertThat(StandardWebhooksCheck.verifies(rotated.secret(), after, sentAt)).isTrue();
		assertThat(StandardWebhooksCheck.verifies(endpoint.secret(), after, sentAt)).isFalse();

		String hottok = this.webhooks.hottok(producer);
		assertThat(after.header("x-hotmart-hottok")).isEqualTo(hottok);
		String regenerated = this.webhooks.regenerateHottok(producer);
		assertThat(regenerated).isNotEqualTo(hottok);
		this.webhooks.sendTest(producer, id, WebhookEvent.CLUB_FIRST_ACCESS);
		assertThat(receiver.await(5).get(4).header("x-hotmart-hottok")).isEqualTo(regenerated);
	}

	@Test
	void onlyTheChosenEventsAndProductsAreSent() {
		Receiver receiver = receiver();
		long producer = this.world.producer();
		Product wanted = this.world.course(producer, Delivery.membersArea());
		Product other = this.world.course(producer, Delivery.membersArea());
		Offer wantedOffer = this.world.single(producer, wanted.id(), 10000);
		Offer otherOffer = this.world.single(producer, other.id(), 10000);
		this.webhooks.create(producer, new EndpointSettings(receiver.url(), null,
				EnumSet.of(WebhookEvent.PURCHASE_APPROVED), Set.of(wanted.id())));
		this.world.buy(otherOffer.code(), WebhookWorld.unique("other"), WebhookWorld.APPROVED_CARD);
		this.world.buy(otherOffer.code(), WebhookWorld.unique("declined"), WebhookWorld.DECLINED_CARD);
		Purchase bought = this.world.buy(wantedOffer.code(), WebhookWorld.unique("wanted"), WebhookWorld.APPROVED_CARD);
		Receiver.Request only = receiver.await(1).get(0);
		assertThat(JSON.readTree(only.body()).path("data").path("purchase").path("transaction").asString())
			.isEqualTo(bought.transaction());
		Eventually.until("nothing else", () -> deliveries(producer).size() == 1);
		assertThat(receiver.requests()).hasSize(1);
	}

	private List<WebhookDelivery> deliveries(long producer) {
		return this.webhooks.deliveries(producer, DeliveryFilter.ALL, null, 100);
	}

	private WebhookDelivery awaitDelivery(long producer, long id, Predicate<WebhookDelivery> condition) {
		Eventually.until("delivery " + id, () -> condition.test(this.webhooks.delivery(producer, id)));
		return this.webhooks.delivery(producer, id);
	}

}
