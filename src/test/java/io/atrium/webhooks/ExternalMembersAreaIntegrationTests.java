package io.atrium.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.catalog.BillingPeriod;
import io.atrium.catalog.Delivery;
import io.atrium.catalog.ImageChange;
import io.atrium.catalog.Offer;
import io.atrium.catalog.OfferDetails;
import io.atrium.catalog.Offers;
import io.atrium.catalog.PaymentMode;
import io.atrium.catalog.Product;
import io.atrium.catalog.ProductDetails;
import io.atrium.catalog.ProductFormat;
import io.atrium.catalog.ProductStatus;
import io.atrium.catalog.Products;
import io.atrium.catalog.RecurringPlan;
import io.atrium.checkout.Checkout;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.Refunds;
import io.atrium.shared.Money;
import io.atrium.subscriptions.Renewals;
import io.atrium.subscriptions.Requester;
import io.atrium.subscriptions.Subscription;
import io.atrium.subscriptions.Subscriptions;
import io.atrium.support.Eventually;
import io.atrium.support.TestClock;
import io.atrium.support.TestMail;
import io.atrium.support.WebClient;
import io.atrium.support.WebClient.Page;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The external members area end to end: a buyer pays for a product the producer delivers
 * in their own members area, through the checkout page with a card; the webhook reaches
 * the producer's members area (a real HTTP server in the test that checks the signature
 * with an independent Standard Webhooks implementation and the hottok), which grants
 * access; the buyer's e-mail and My purchases say the producer sends access and which
 * transaction to quote; a refund reaches it and revokes. A plan of an external product is
 * granted while it runs and its cancellation ends access with the paid period.
 */
@WebhookIntegrationTest
class ExternalMembersAreaIntegrationTests {

	static final String MEMBERS_AREA = "https://school.example/login";

	static final JsonMapper JSON = JsonMapper.builder().build();

	/** The sandbox approves it at checkout and declines every renewal. */
	static final String RENEWALS_DECLINED = "4000000000340002";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Products products;

	@Autowired
	Offers offers;

	@Autowired
	Checkout checkout;

	@Autowired
	Refunds refunds;

	@Autowired
	Subscriptions subscriptions;

	@Autowired
	Webhooks webhooks;

	@Autowired
	Renewals renewals;

	@Autowired
	TestClock clock;

	Receiver receiver;

	@AfterEach
	void closeReceiver() {
		if (this.receiver != null) {
			this.receiver.close();
		}
		this.clock.reset();
	}

	@Test
	void aCardPurchaseIsGrantedByTheProducersMembersAreaAndItsRefundRevokesIt() throws Exception {
		PageProducer producer = PageProducer.create(this.accounts, this.port, Role.PRODUCER);
		Product course = product(producer, "Sourdough course", ProductFormat.ONLINE_COURSE);
		Offer offer = this.offers.create(producer.id(), course.id(),
				new OfferDetails("Full course", Money.of(4990, "BRL"), PaymentMode.SINGLE, null, null));
		ExternalMembersArea area = endpointOnThePage(producer, course);

		String email = WebhookWorld.unique("external-buyer");
		WebClient buyer = new WebClient(this.port).language("en");
		Page result = pay(buyer, offer.code(), email);
		String transaction = result.document().getElementById("transaction").text();
		assertThat(transaction).startsWith("HP");

		Eventually.until("the members area grants " + email, () -> area.allows(email, course.id(), Instant.now()));
		ExternalMembersArea.Grant grant = area.grant(email, course.id()).orElseThrow();
		assertThat(grant.transaction()).isEqualTo(transaction);
		assertThat(grant.subscriberCode()).isNull();
		assertThat(area.events()).containsExactly("PURCHASE_APPROVED");

		// the buyer is told the producer sends access, and which transaction to quote
		MimeMessage mail = TestMail.awaitNth(email, 1);
		assertThat(plainText(mail)).contains("The producer will send your access", MEMBERS_AREA,
				"Transaction number: " + transaction, "to quote to the producer");
		String activation = TestMail.link(mail, "/activate/");
		buyer.get(activation);
		String password = "an external members area passphrase";
		buyer.submit(URI.create(activation).getPath(), Map.of("password", password, "confirmation", password));
		Page mine = buyer.logIn(email, password);
		assertThat(mine.path()).isEqualTo("/purchases");
		assertThat(mine.document().select(".purchase").text()).contains("The producer gives access", MEMBERS_AREA);
		assertThat(mine.document().select(".purchase .external-quote").text())
			.isEqualTo("The producer will send you your access. When you write to them, quote the transaction number "
					+ transaction + ".");

		// the same event again (a resend from the log) changes nothing: one grant per id
		Page log = producer.web().get("/business/webhooks/deliveries?transaction=" + transaction);
		String deliveryId = log.document().selectFirst("tr.delivery").attr("data-delivery-id");
		producer.web().post("/business/webhooks/deliveries/resend", Map.of("ids", deliveryId));
		Eventually.until("the resend arrives", () -> area.duplicates() == 1);
		assertThat(this.receiver.requests()).extracting((r) -> r.header("webhook-id"))
			.hasSize(2)
			.containsOnly(this.receiver.requests().get(0).header("webhook-id"));
		assertThat(area.events()).containsExactly("PURCHASE_APPROVED");

		// the refund reaches it and revokes
		this.refunds.refund(producer.id(), transaction);
		Eventually.until("the members area revokes " + email, () -> !area.allows(email, course.id(), Instant.now()));
		assertThat(area.grant(email, course.id()).orElseThrow().state()).isEqualTo("revoked");
		assertThat(area.events()).containsExactly("PURCHASE_APPROVED", "PURCHASE_REFUNDED");

		// what is not Atrium's is refused: a forged signature, a missing hottok
		assertThat(forged(this.receiver.url())).isEqualTo(401);
		assertThat(area.refused()).isEqualTo(1);
		assertThat(area.events()).hasSize(2);
	}

	@Test
	void aPlanOfAnExternalProductIsGrantedAndItsCancellationEndsAccessWithThePaidPeriod() throws Exception {
		PageProducer producer = PageProducer.create(this.accounts, this.port, Role.PRODUCER);
		Product club = product(producer, "Bread club", ProductFormat.SUBSCRIPTION);
		Offer monthly = this.offers.create(producer.id(), club.id(), new OfferDetails("Monthly", Money.of(2990, "BRL"),
				PaymentMode.RECURRING, new RecurringPlan(BillingPeriod.MONTHLY, null, 0), null));
		ExternalMembersArea area = endpointOnThePage(producer, club);

		String email = WebhookWorld.unique("subscriber");
		Page result = pay(new WebClient(this.port).language("en"), monthly.code(), email);
		String transaction = result.document().getElementById("transaction").text();
		Eventually.until("the members area grants the subscriber", () -> area.allows(email, club.id(), Instant.now()));
		ExternalMembersArea.Grant grant = area.grant(email, club.id()).orElseThrow();
		assertThat(grant.transaction()).isEqualTo(transaction);
		assertThat(grant.subscriberCode()).isNotBlank();
		assertThat(grant.accessUntil()).isNull();

		Subscription cancelled = this.subscriptions.cancel(Requester.producer(producer.id()), grant.subscriberCode(),
				false);
		Eventually.until("the cancellation reaches the members area",
				() -> area.events().contains("SUBSCRIPTION_CANCELLATION"));
		ExternalMembersArea.Grant ending = area.grant(email, club.id()).orElseThrow();
		Instant paidUntil = cancelled.nextChargeAt();
		assertThat(paidUntil).isAfter(Instant.now().plus(Duration.ofDays(27)));
		assertThat(ending.accessUntil()).isEqualTo(paidUntil.toEpochMilli());
		assertThat(area.allows(email, club.id(), Instant.now())).isTrue();
		assertThat(area.allows(email, club.id(), paidUntil.minusSeconds(1))).isTrue();
		assertThat(area.allows(email, club.id(), paidUntil)).isFalse();
		assertThat(area.events()).containsExactly("PURCHASE_APPROVED", "SUBSCRIPTION_CANCELLATION");

		// a refused renewal: access goes on while Atrium retries the card; cancelled
		// unpaid, it ends at once
		String late = WebhookWorld.unique("late-subscriber");
		pay(new WebClient(this.port).language("en"), monthly.code(), late, RENEWALS_DECLINED);
		Eventually.until("the late subscriber is granted", () -> area.allows(late, club.id(), this.clock.instant()));
		ExternalMembersArea.Grant first = area.grant(late, club.id()).orElseThrow();
		Subscription running = this.subscriptions.get(Requester.producer(producer.id()), first.subscriberCode());
		this.clock.set(running.nextChargeAt().plus(Duration.ofMinutes(1)));
		this.renewals.runDue();
		Eventually.until("the unpaid renewal reaches the members area",
				() -> area.events().contains("PURCHASE_DELAYED"));
		ExternalMembersArea.Grant delayed = area.grant(late, club.id()).orElseThrow();
		assertThat(delayed.state()).isEqualTo("delayed");
		assertThat(delayed.transaction()).isNotEqualTo(first.transaction());
		assertThat(area.allows(late, club.id(), this.clock.instant())).isTrue();
		assertThat(area.allows(late, club.id(), this.clock.instant().plus(ExternalMembersArea.GRACE))).isFalse();
		this.subscriptions.cancel(Requester.producer(producer.id()), first.subscriberCode(), false);
		Eventually.until("the unpaid subscription's cancellation reaches the members area",
				() -> area.grant(late, club.id()).orElseThrow().state().equals("revoked"));
		assertThat(area.allows(late, club.id(), this.clock.instant())).isFalse();
		assertThat(area.refused()).isZero();
	}

	@Test
	void theDocumentedExampleReceiverRunsAsWrittenAndGrantsAndRevokes() throws Exception {
		Assumptions.assumeTrue(python3(), "python3 is not installed");
		long producer = PageProducer.create(this.accounts, this.port, Role.PRODUCER).id();
		WebhookWorld world = new WebhookWorld(this.accounts, this.products, this.offers, this.checkout, this.webhooks);
		Product course = this.products.create(producer,
				new ProductDetails("Pottery course", "At my school.", "help@school.example",
						ProductFormat.ONLINE_COURSE, ProductStatus.ACTIVE, 7,
						Delivery.external(MEMBERS_AREA, "Log in with your purchase e-mail.")),
				ImageChange.keep());
		Offer offer = world.single(producer, course.id(), 9900);
		Product club = this.products.create(producer,
				new ProductDetails("Pottery club", "At my school.", "help@school.example", ProductFormat.SUBSCRIPTION,
						ProductStatus.ACTIVE, 7, Delivery.external(MEMBERS_AREA, "Log in with your purchase e-mail.")),
				ImageChange.keep());
		Offer monthly = world.plan(producer, club.id(), "Monthly", 3990);

		int port;
		try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = free.getLocalPort();
		}
		String base = "http://127.0.0.1:" + port;
		CreatedEndpoint endpoint = this.webhooks.create(producer,
				new EndpointSettings(base + "/webhooks/atrium", "the documented example",
						EnumSet.of(WebhookEvent.PURCHASE_APPROVED, WebhookEvent.PURCHASE_COMPLETE,
								WebhookEvent.PURCHASE_REFUNDED, WebhookEvent.PURCHASE_CHARGEBACK,
								WebhookEvent.PURCHASE_CANCELED, WebhookEvent.PURCHASE_DELAYED,
								WebhookEvent.SUBSCRIPTION_CANCELLATION),
						Set.of()));
		Path database = Files.createTempFile("members-area-", ".db");
		Path log = Path.of("target", "members-area-example-" + port + ".log");
		ProcessBuilder command = new ProcessBuilder("python3",
				Path.of("docs/examples/members_area_receiver.py").toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		command.environment().put("ATRIUM_WEBHOOK_SECRETS", endpoint.secret());
		command.environment().put("ATRIUM_HOTTOK", this.webhooks.hottok(producer));
		command.environment().put("PORT", String.valueOf(port));
		command.environment().put("MEMBERS_DB", database.toString());
		Process example = command.start();
		try {
			Eventually.until("the example listens", () -> get(base + "/health") == 200);

			String email = WebhookWorld.unique("python-buyer");
			Purchase sale = world.buy(offer.code(), email, WebhookWorld.APPROVED_CARD);
			Eventually.until("the example grants " + email,
					() -> access(base, email, course.id()).path("access").asBoolean());
			assertThat(access(base, email, course.id()).path("grants").get(0).path("transaction_code").asString())
				.isEqualTo(sale.transaction());

			// the same event again changes nothing; a test event grants nothing
			WebhookDelivery approved = this.webhooks
				.deliveries(producer, new DeliveryFilter(null, null, null, sale.transaction()), null, 10)
				.get(0);
			this.webhooks.resend(producer, List.of(approved.id()));
			WebhookDelivery test = this.webhooks.sendTest(producer, endpoint.endpoint().id(),
					WebhookEvent.PURCHASE_APPROVED);
			Eventually.until("the test event is taken",
					() -> this.webhooks.delivery(producer, test.id()).status() == DeliveryStatus.DELIVERED);
			Eventually.until("the resend is taken", () -> read(log).contains("already processed"));
			assertThat(access(base, "buyer@example.com", 0).path("grants")).isEmpty();
			assertThat(access(base, email, course.id()).path("grants")).hasSize(1);

			this.refunds.refund(producer, sale.transaction());
			Eventually.until("the example revokes " + email,
					() -> !access(base, email, course.id()).path("access").asBoolean());
			assertThat(access(base, email, course.id()).path("grants").get(0).path("state").asString())
				.isEqualTo("revoked");

			// a plan: granted while it runs; cancelled, access lasts to the end of the
			// paid period
			String subscriber = WebhookWorld.unique("python-subscriber");
			Purchase plan = world.buy(monthly.code(), subscriber, WebhookWorld.APPROVED_CARD);
			Eventually.until("the example grants the plan",
					() -> access(base, subscriber, club.id()).path("access").asBoolean());
			JsonNode grant = access(base, subscriber, club.id()).path("grants").get(0);
			assertThat(grant.path("transaction_code").asString()).isEqualTo(plan.transaction());
			String code = grant.path("subscriber_code").asString();
			assertThat(grant.path("grant_key").asString()).isEqualTo("sub:" + code);
			Subscription cancelled = this.subscriptions.cancel(Requester.producer(producer), code, false);
			Eventually.until("the example hears of the cancellation",
					() -> !access(base, subscriber, club.id()).path("grants").get(0).path("access_until").isNull());
			JsonNode ending = access(base, subscriber, club.id());
			assertThat(ending.path("access").asBoolean()).isTrue();
			assertThat(ending.path("grants").get(0).path("access_until").asLong())
				.isEqualTo(cancelled.nextChargeAt().toEpochMilli());

			assertThat(forged(base + "/webhooks/atrium")).isEqualTo(401);
			assertThat(this.webhooks.deliveries(producer, new DeliveryFilter(null, null, DeliveryStatus.FAILED, null),
					null, 50))
				.isEmpty();
		}
		finally {
			example.destroy();
			example.waitFor(10, TimeUnit.SECONDS);
			Files.deleteIfExists(database);
		}
	}

	private static boolean python3() {
		try {
			Process version = new ProcessBuilder("python3", "-c", "import sys; sys.exit(sys.version_info < (3, 9))")
				.redirectErrorStream(true)
				.start();
			return version.waitFor(20, TimeUnit.SECONDS) && version.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int get(String url) {
		try {
			return HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static JsonNode access(String base, String email, long productId) {
		try {
			String answer = HttpClient.newHttpClient()
				.send(HttpRequest
					.newBuilder(URI.create(base + "/access?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
							+ "&product_id=" + productId))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
			return JSON.readTree(answer);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The producer adds the endpoint on the webhook page, for the product, with the
	 * events of the external members area; its members area keeps the secret and hottok
	 * shown.
	 */
	private ExternalMembersArea endpointOnThePage(PageProducer producer, Product product) {
		this.receiver = new Receiver();
		Page created = producer.post("/business/webhooks/new", "/business/webhooks/new",
				Map.of("url", this.receiver.url(), "events",
						"PURCHASE_APPROVED,PURCHASE_COMPLETE,PURCHASE_REFUNDED,PURCHASE_CHARGEBACK,PURCHASE_CANCELED,"
								+ "PURCHASE_DELAYED,SUBSCRIPTION_CANCELLATION",
						"scope", "chosen", "products", String.valueOf(product.id())));
		assertThat(created.status()).isEqualTo(200);
		ExternalMembersArea area = new ExternalMembersArea(created.document().getElementById("signing-secret").val(),
				created.document().getElementById("secret-hottok").val(), this.clock);
		this.receiver.answer(area::receive);
		return area;
	}

	private Product product(PageProducer producer, String name, ProductFormat format) {
		return this.products.create(producer.id(),
				new ProductDetails(name, "Taught in my own school.", "help@school.example", format,
						ProductStatus.ACTIVE, 7, Delivery.external(MEMBERS_AREA, "Log in with your purchase e-mail.")),
				ImageChange.keep());
	}

	/** A buyer pays on the checkout page with an approved card; the result page. */
	private static Page pay(WebClient buyer, String offerCode, String email) {
		return pay(buyer, offerCode, email, WebhookWorld.APPROVED_CARD);
	}

	/**
	 * A buyer pays on the checkout page with a card the sandbox approves; the result
	 * page.
	 */
	private static Page pay(WebClient buyer, String offerCode, String email, String card) {
		Page form = buyer.get("/checkout/" + offerCode);
		assertThat(form.status()).isEqualTo(200);
		Map<String, String> fields = new HashMap<>();
		fields.put("checkout_attempt", form.document().selectFirst("input[name=checkout_attempt]").attr("value"));
		fields.put("name", "Bia Maria Buyer");
		fields.put("email", email);
		fields.put("emailConfirmation", email);
		fields.put("document", "123.456.789-09");
		fields.put("coupon", "");
		fields.put("action", "pay");
		fields.put("method", "CARD");
		fields.put("cardNumber", card);
		fields.put("cardHolder", "BIA BUYER");
		fields.put("cardExpMonth", "12");
		fields.put("cardExpYear", "2099");
		fields.put("cardCvc", "123");
		Page result = buyer.submit("/checkout/" + offerCode, fields);
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.document().getElementById("status").text()).isEqualTo("Approved");
		return result;
	}

	/** Posts a webhook with a made-up signature and no hottok. */
	private static int forged(String url) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url))
				.header("webhook-id", "forged")
				.header("webhook-timestamp", String.valueOf(Instant.now().getEpochSecond()))
				.header("webhook-signature", "v1,bm90IGEgc2lnbmF0dXJl")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"id\":\"forged\",\"event\":\"PURCHASE_APPROVED\",\"creation_date\":1,\"data\":{}}"))
				.build(), HttpResponse.BodyHandlers.ofString())
			.statusCode();
	}

	static String plainText(MimeMessage message) throws MessagingException, IOException {
		return find(message);
	}

	private static String find(Part part) throws MessagingException, IOException {
		if (part.isMimeType("multipart/*")) {
			Multipart multipart = (Multipart) part.getContent();
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart body = multipart.getBodyPart(i);
				String text = find(body);
				if (text != null) {
					return text;
				}
			}
			return null;
		}
		return part.isMimeType("text/plain") ? (String) part.getContent() : null;
	}

}
