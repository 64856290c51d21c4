package io.atrium.webhooks;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.BillingPeriod;
import io.atrium.catalog.Delivery;
import io.atrium.catalog.Offer;
import io.atrium.catalog.OfferDetails;
import io.atrium.catalog.Offers;
import io.atrium.catalog.PaymentMode;
import io.atrium.catalog.Product;
import io.atrium.catalog.Products;
import io.atrium.catalog.RecurringPlan;
import io.atrium.checkout.Checkout;
import io.atrium.checkout.PaymentMethod;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.checkout.PurchaseStatusChanged;
import io.atrium.checkout.Refunds;
import io.atrium.club.access.ClubAccess;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubModule;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.ModuleDetails;
import io.atrium.club.content.PageDetails;
import io.atrium.club.content.PageKind;
import io.atrium.club.groups.Enrollments;
import io.atrium.subscriptions.Renewals;
import io.atrium.subscriptions.Requester;
import io.atrium.subscriptions.Subscription;
import io.atrium.shared.Money;
import io.atrium.subscriptions.Subscriptions;
import io.atrium.support.Eventually;
import io.atrium.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type reaches a real receiver in the shape of hotmart-api.md §8, field by
 * field, signed (checked by an independent Standard Webhooks implementation) and with the
 * producer's hottok.
 */
@WebhookIntegrationTest
class WebhookPayloadIntegrationTests {

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
	Refunds refunds;

	@Autowired
	Webhooks webhooks;

	@Autowired
	Subscriptions subscriptions;

	@Autowired
	ClubContent content;

	@Autowired
	ClubAccess access;

	@Autowired
	Enrollments enrollments;

	@Autowired
	AbandonedCarts carts;

	@Autowired
	Renewals renewals;

	@Autowired
	TestClock clock;

	@Autowired
	WebhookListeners listeners;

	@Autowired
	PlatformTransactionManager transactions;

	WebhookWorld world;

	Receiver receiver;

	@BeforeEach
	void setUp() {
		this.world = new WebhookWorld(this.accounts, this.products, this.offers, this.checkout, this.webhooks);
		this.receiver = new Receiver();
	}

	@AfterEach
	void tearDown() {
		this.receiver.close();
		this.clock.reset();
	}

	@Test
	void aPaidPurchaseIsAnnouncedInTheHotmartShapeSignedAndWithTheHottok() {
		long producer = this.world.producer();
		Product course = this.world.course(producer, Delivery.external("https://members.example/login", "Log in."));
		Offer offer = this.world.single(producer, course.id(), 4990);
		CreatedEndpoint endpoint = this.world.endpoint(producer, this.receiver.url());
		String email = WebhookWorld.unique("bia");

		Purchase purchase = this.world.buy(offer.code(), email, WebhookWorld.APPROVED_CARD);
		assertThat(purchase.status()).isEqualTo(PurchaseStatus.APPROVED);

		Receiver.Request request = awaitEvent("PURCHASE_APPROVED");
		assertThat(request.header("content-type")).startsWith("application/json");
		assertThat(request.header("x-hotmart-hottok")).isEqualTo(this.webhooks.hottok(producer)).hasSizeGreaterThan(20);
		assertThat(StandardWebhooksCheck.verifies(endpoint.secret(), request, this.clock.instant())).isTrue();
		assertThat(StandardWebhooksCheck.verifies(WebhookSignatures.newSecret(), request, this.clock.instant()))
			.isFalse();
		JsonNode body = JSON.readTree(request.body());
		assertThat(body.path("id").asString()).isEqualTo(request.header("webhook-id"));
		assertThat(body.path("event").asString()).isEqualTo("PURCHASE_APPROVED");
		assertThat(body.path("version").asString()).isEqualTo("2.0.0");
		Purchase stored = this.checkout.reconcile(purchase.transaction()).orElseThrow();
		assertThat(body.path("creation_date").asLong()).isEqualTo(stored.approvedAt().toEpochMilli());

		JsonNode data = body.path("data");
		JsonNode product = data.path("product");
		assertThat(product.path("id").asLong()).isEqualTo(course.id());
		assertThat(product.path("ucode").asString()).isEqualTo(course.ucode().toString());
		assertThat(product.path("name").asString()).isEqualTo("Sourdough course");
		assertThat(product.path("has_co_production").isBoolean()).isTrue();
		assertThat(product.path("has_co_production").asBoolean()).isFalse();
		assertThat(product.path("warranty_date").asString()).isEqualTo(DateTimeFormatter.ISO_INSTANT
			.format(stored.approvedAt().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS)));
		assertThat(product.path("support_email").asString()).isEqualTo("help@bakery.example");
		assertThat(product.path("is_physical_product").asBoolean()).isFalse();
		assertThat(product.path("content").path("has_physical_products").isBoolean()).isTrue();
		assertThat(product.path("content").path("products").get(0).path("id").asLong()).isEqualTo(course.id());

		assertThat(data.path("affiliates").isArray()).isTrue();
		assertThat(data.path("affiliates")).hasSize(1);
		assertThat(data.path("affiliates").get(0).path("affiliate_code").asString()).isEmpty();
		assertThat(data.path("affiliates").get(0).path("name").isString()).isTrue();

		JsonNode buyer = data.path("buyer");
		assertThat(buyer.path("email").asString()).isEqualTo(email);
		assertThat(buyer.path("name").asString()).isEqualTo("Bia Maria Buyer");
		assertThat(buyer.path("first_name").asString()).isEqualTo("Bia");
		assertThat(buyer.path("last_name").asString()).isEqualTo("Maria Buyer");
		assertThat(buyer.path("checkout_phone").isString()).isTrue();
		assertThat(buyer.path("document").asString()).isEqualTo("123.456.789-09");
		assertThat(buyer.path("document_type").asString()).isEqualTo("CPF");
		assertThat(buyer.path("address").path("country_iso").asString()).isEqualTo("BR");
		assertThat(buyer.path("address").path("country").asString()).isEqualTo("Brasil");
		assertThat(buyer.path("address").path("zipcode").isString()).isTrue();

		assertThat(data.path("producer").path("name").asString()).isEqualTo("Paula Producer");
		assertThat(data.path("producer").path("legal_nature").isString()).isTrue();
		assertThat(data.path("producer").path("document").isString()).isTrue();
		JsonNode producerCommission = data.path("commissions").get(1);
		assertThat(producerCommission.path("source").asString()).isEqualTo("PRODUCER");
		assertThat(producerCommission.path("value").decimalValue()).isEqualByComparingTo("49.9");
		assertThat(producerCommission.path("currency_value").asString()).isEqualTo("BRL");
		assertThat(data.path("commissions").get(0).path("source").asString()).isEqualTo("MARKETPLACE");

		JsonNode p = data.path("purchase");
		assertThat(p.path("transaction").asString()).isEqualTo(purchase.transaction());
		assertThat(p.path("status").asString()).isEqualTo("APPROVED");
		assertThat(p.path("approved_date").asLong()).isEqualTo(stored.approvedAt().toEpochMilli());
		assertThat(p.path("order_date").asLong()).isEqualTo(stored.terms().createdAt().toEpochMilli());
		assertThat(p.path("price").path("value").decimalValue()).isEqualByComparingTo("49.9");
		assertThat(p.path("price").path("currency_value").asString()).isEqualTo("BRL");
		assertThat(p.path("price").has("currency_code")).isFalse();
		assertThat(p.path("full_price").path("value").decimalValue()).isEqualByComparingTo("49.9");
		assertThat(p.path("original_offer_price").path("currency_value").asString()).isEqualTo("BRL");
		assertThat(p.path("offer").path("code").asString()).isEqualTo(offer.code());
		assertThat(p.path("offer").path("name").asString()).isEqualTo("Full course");
		assertThat(p.path("offer").path("coupon_code").asString()).isEmpty();
		assertThat(p.path("recurrence_number").asInt()).isEqualTo(1);
		assertThat(p.path("subscription_anticipation_purchase").asBoolean()).isFalse();
		assertThat(p.path("checkout_country").path("iso").asString()).isEqualTo("BR");
		assertThat(p.path("checkout_country").path("name").asString()).isEqualTo("Brasil");
		assertThat(p.path("origin").path("sck").isString()).isTrue();
		assertThat(p.path("order_bump").path("is_order_bump").asBoolean()).isFalse();
		assertThat(p.path("payment").path("type").asString()).isEqualTo("CREDIT_CARD");
		assertThat(p.path("payment").path("installments_number").asInt()).isEqualTo(1);
		assertThat(p.path("buyer_ip").isString()).isTrue();
		assertThat(p.path("is_funnel").asBoolean()).isFalse();
		assertThat(p.path("business_model").asString()).isEqualTo("I");
		assertThat(p.has("date_next_charge")).isFalse();
		assertThat(data.has("subscription")).isFalse();

		this.refunds.refund(producer, purchase.transaction());
		JsonNode refunded = JSON.readTree(awaitEvent("PURCHASE_REFUNDED").body());
		assertThat(refunded.path("data").path("purchase").path("status").asString()).isEqualTo("REFUNDED");
		assertThat(refunded.path("data").path("purchase").path("transaction").asString())
			.isEqualTo(purchase.transaction());
		assertThat(refunded.path("id").asString()).isNotEqualTo(body.path("id").asString());
		assertThat(this.receiver.requests()).hasSize(2);
	}

	@Test
	void refusedCardsBilletsExpiriesAndAbandonedCartsAreAnnounced() {
		long producer = this.world.producer();
		Product course = this.world.course(producer, Delivery.membersArea());
		Offer offer = this.world.single(producer, course.id(), 10000);
		this.world.endpoint(producer, this.receiver.url());

		String refusedBuyer = WebhookWorld.unique("refused");
		Purchase refused = this.world.buy(offer.code(), refusedBuyer, WebhookWorld.DECLINED_CARD);
		assertThat(refused.status()).isEqualTo(PurchaseStatus.CANCELLED);
		JsonNode canceled = JSON.readTree(awaitEvent("PURCHASE_CANCELED").body()).path("data").path("purchase");
		assertThat(canceled.path("status").asString()).isEqualTo("CANCELLED");
		assertThat(canceled.path("payment").path("refusal_reason").asString()).isNotEmpty();
		assertThat(canceled.has("approved_date")).isFalse();

		Purchase billet = this.world.buyWith(offer.code(), WebhookWorld.unique("billet"), PaymentMethod.BILLET);
		assertThat(billet.status()).isEqualTo(PurchaseStatus.PRINTED_BILLET);
		JsonNode printed = JSON.readTree(awaitEvent("PURCHASE_BILLET_PRINTED").body()).path("data").path("purchase");
		assertThat(printed.path("payment").path("type").asString()).isEqualTo("BILLET");
		assertThat(printed.path("payment").path("billet_barcode").asString()).isNotEmpty();

		this.clock.advance(Duration.ofHours(2));
		assertThat(this.carts.scan()).isGreaterThanOrEqualTo(1);
		List<JsonNode> carts = this.receiver.await(3)
			.stream()
			.map((r) -> JSON.readTree(r.body()))
			.filter((b) -> b.path("event").asString().equals("PURCHASE_OUT_OF_SHOPPING_CART"))
			.toList();
		JsonNode cart = carts.stream()
			.filter((b) -> b.path("data").path("buyer").path("email").asString().equals(refusedBuyer))
			.findFirst()
			.orElseThrow()
			.path("data");
		assertThat(cart.path("affiliate").asBoolean()).isFalse();
		assertThat(cart.path("product").path("id").asLong()).isEqualTo(course.id());
		assertThat(cart.path("product").path("name").asString()).isEqualTo("Sourdough course");
		assertThat(cart.path("buyer").path("name").asString()).isEqualTo("Bia Maria Buyer");
		assertThat(cart.path("buyer").path("phone").isString()).isTrue();
		assertThat(cart.path("offer").path("code").asString()).isEqualTo(offer.code());
		assertThat(cart.path("checkout_country").path("iso").asString()).isEqualTo("BR");
		// a second scan announces nothing twice
		int before = this.receiver.requests().size();
		assertThat(this.carts.scan()).isZero();
		assertThat(this.receiver.requests()).hasSize(before);

		this.clock.advance(Duration.ofDays(4));
		this.checkout.expirePending();
		JsonNode expired = JSON.readTree(awaitEvent("PURCHASE_EXPIRED").body()).path("data").path("purchase");
		assertThat(expired.path("transaction").asString()).isEqualTo(billet.transaction());
		assertThat(expired.path("status").asString()).isEqualTo("EXPIRED");
	}

	@Test
	void aPlanCarriesItsSubscriptionAndItsChangesAreAnnounced() {
		long producer = this.world.producer();
		Product club = this.world.club(producer);
		Offer monthly = this.world.plan(producer, club.id(), "Monthly", 4990);
		Offer light = this.world.plan(producer, club.id(), "Light", 2990);
		this.world.endpoint(producer, this.receiver.url());

		Purchase purchase = this.world.buy(monthly.code(), WebhookWorld.unique("subscriber"),
				WebhookWorld.APPROVED_CARD);
		JsonNode approved = JSON.readTree(awaitEvent("PURCHASE_APPROVED").body()).path("data");
		Eventually.until("the subscription", () -> !this.subscriptions.ofBuyer(purchase.buyerAccountId()).isEmpty());
		Subscription s = this.subscriptions.ofBuyer(purchase.buyerAccountId()).get(0);
		assertThat(approved.path("subscription").path("status").asString()).isEqualTo("ACTIVE");
		assertThat(approved.path("subscription").path("subscriber").path("code").asString()).isEqualTo(s.code());
		assertThat(approved.path("subscription").path("plan").path("id").asLong()).isEqualTo(monthly.id());
		assertThat(approved.path("subscription").path("plan").path("name").asString()).isEqualTo("Monthly");
		assertThat(approved.path("purchase").path("date_next_charge").asLong())
			.isEqualTo(s.nextChargeAt().toEpochMilli());
		assertThat(approved.path("purchase").path("recurrence_number").asInt()).isEqualTo(1);

		Requester asProducer = Requester.producer(producer);
		int newDay = (s.dueDay() % 28) + 1;
		this.subscriptions.changeDueDay(asProducer, s.code(), newDay);
		JsonNode chargeDate = JSON.readTree(awaitEvent("UPDATE_SUBSCRIPTION_CHARGE_DATE").body()).path("data");
		assertThat(chargeDate.path("subscriber").path("code").asString()).isEqualTo(s.code());
		assertThat(chargeDate.path("subscriber").path("email").asString()).isEqualTo(s.subscriber().email());
		assertThat(chargeDate.path("subscription").path("old_charge_day").asInt()).isEqualTo(s.dueDay());
		assertThat(chargeDate.path("subscription").path("new_charge_day").asInt()).isEqualTo(newDay);
		assertThat(chargeDate.path("subscription").path("date_next_charge").isString()).isTrue();
		assertThat(Instant.parse(chargeDate.path("subscription").path("date_next_charge").asString()))
			.isEqualTo(s.nextChargeAt().truncatedTo(ChronoUnit.MILLIS));
		assertThat(chargeDate.path("subscription").path("status").asString()).isEqualTo("ACTIVE");
		assertThat(chargeDate.path("subscription").path("product").path("id").asLong()).isEqualTo(club.id());
		assertThat(chargeDate.path("plan").path("offer").path("code").asString()).isEqualTo(monthly.code());
		assertThat(chargeDate.path("plan").path("id").asLong()).isEqualTo(monthly.id());

		this.subscriptions.switchPlan(asProducer, s.code(), light.code());
		JsonNode switched = JSON.readTree(awaitEvent("SWITCH_PLAN").body()).path("data");
		assertThat(switched.path("switch_plan_date").isNumber()).isTrue();
		assertThat(switched.path("subscription").path("subscriber_code").asString()).isEqualTo(s.code());
		assertThat(switched.path("subscription").path("status").asString()).isEqualTo("ACTIVE");
		assertThat(switched.path("subscription").path("product").path("id").asLong()).isEqualTo(club.id());
		assertThat(switched.path("subscription").path("user").path("email").asString())
			.isEqualTo(s.subscriber().email());
		assertThat(switched.path("plans")).hasSize(2);
		assertThat(switched.path("plans").get(0).path("id").asLong()).isEqualTo(light.id());
		assertThat(switched.path("plans").get(0).path("offer").path("key").asString()).isEqualTo(light.code());
		assertThat(switched.path("plans").get(0).path("current").asBoolean()).isTrue();
		assertThat(switched.path("plans").get(1).path("name").asString()).isEqualTo("Monthly");
		assertThat(switched.path("plans").get(1).path("current").asBoolean()).isFalse();

		this.subscriptions.cancel(asProducer, s.code(), false);
		JsonNode cancelled = JSON.readTree(awaitEvent("SUBSCRIPTION_CANCELLATION").body()).path("data");
		assertThat(cancelled.path("subscriber").path("code").asString()).isEqualTo(s.code());
		assertThat(cancelled.path("subscriber").path("name").asString()).isEqualTo("Bia Maria Buyer");
		assertThat(cancelled.path("subscriber").path("phone").has("dddPhone")).isTrue();
		assertThat(cancelled.path("subscription").path("id").asLong()).isEqualTo(s.id());
		assertThat(cancelled.path("subscription").path("plan").path("name").isString()).isTrue();
		assertThat(cancelled.path("product").path("id").asLong()).isEqualTo(club.id());
		assertThat(cancelled.path("product").path("name").asString()).isEqualTo("Monthly club");
		assertThat(cancelled.path("actual_recurrence_value").decimalValue()).isGreaterThan(BigDecimal.ZERO);
		assertThat(cancelled.path("cancellation_date").isNumber()).isTrue();
		assertThat(cancelled.path("date_next_charge").isNumber()).isTrue();
	}

	@Test
	void aPlansFirstPurchaseIsAnnouncedOnceEvenWhenItsApprovalIsHandledAgainAfterARestart() {
		long producer = this.world.producer();
		Product club = this.world.club(producer);
		Offer monthly = this.world.plan(producer, club.id(), "Monthly", 4990);
		this.world.endpoint(producer, this.receiver.url());
		Purchase purchase = this.world.buy(monthly.code(), WebhookWorld.unique("restart"), WebhookWorld.APPROVED_CARD);
		awaitEvent("PURCHASE_APPROVED");
		Subscription s = subscriptionOf(purchase);

		// after a kill, the approval's publication is resubmitted: handled again, now
		// that
		// the purchase is attached to its subscription, and at a later, finer time
		handleAgain(new PurchaseStatusChanged(purchase.id(), purchase.transaction(), club.id(), producer,
				purchase.buyerAccountId(), PurchaseStatus.STARTED, PurchaseStatus.APPROVED, null, Instant.now(),
				s.id()));
		assertThat(approvals(producer)).singleElement()
			.satisfies((d) -> assertThat(d.transaction()).isEqualTo(purchase.transaction()));
	}

	@Test
	void aTrialsFirstPaidChargeIsAnnouncedAsApprovedOnce() {
		long producer = this.world.producer();
		Product club = this.world.club(producer);
		Offer trial = this.offers.create(producer, club.id(), new OfferDetails("Try it", Money.of(4990, "BRL"),
				PaymentMode.RECURRING, new RecurringPlan(BillingPeriod.MONTHLY, null, 7), null));
		this.world.endpoint(producer, this.receiver.url());
		Purchase signUp = this.world.buy(trial.code(), WebhookWorld.unique("trial"), WebhookWorld.APPROVED_CARD);
		Subscription s = subscriptionOf(signUp);
		Eventually.until("the sign-up announced", () -> approvals(producer).size() == 1);

		this.clock.set(s.nextChargeAt().plus(Duration.ofMinutes(1)));
		this.renewals.runDue();
		Eventually.until("the first paid charge announced", () -> approvals(producer).size() == 2);
		Purchase firstPaid = this.subscriptions.charges(s)
			.stream()
			.filter((p) -> Integer.valueOf(1).equals(p.recurrenceNumber()))
			.findFirst()
			.orElseThrow();
		assertThat(firstPaid.status()).isEqualTo(PurchaseStatus.APPROVED);
		WebhookDelivery announced = approvals(producer).stream()
			.filter((d) -> firstPaid.transaction().equals(d.transaction()))
			.findFirst()
			.orElseThrow();
		JsonNode data = JSON.readTree(announced.payload()).path("data");
		assertThat(data.path("purchase").path("recurrence_number").asInt()).isEqualTo(1);
		assertThat(data.path("subscription").path("subscriber").path("code").asString()).isEqualTo(s.code());

		// handled again after a restart, it is the same event: nothing new is sent
		handleAgain(new PurchaseStatusChanged(firstPaid.id(), firstPaid.transaction(), club.id(), producer,
				firstPaid.buyerAccountId(), PurchaseStatus.STARTED, PurchaseStatus.APPROVED, null, Instant.now(),
				s.id()));
		assertThat(approvals(producer)).hasSize(2);
	}

	private Subscription subscriptionOf(Purchase purchase) {
		Eventually.until("the subscription", () -> !this.subscriptions.ofBuyer(purchase.buyerAccountId()).isEmpty());
		return this.subscriptions.ofBuyer(purchase.buyerAccountId()).get(0);
	}

	private void handleAgain(PurchaseStatusChanged event) {
		WebhookListeners target = AopTestUtils.getTargetObject(this.listeners);
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> target.on(event));
	}

	private List<WebhookDelivery> approvals(long producer) {
		return this.webhooks.deliveries(producer, DeliveryFilter.ALL, null, 100)
			.stream()
			.filter((d) -> d.event() == WebhookEvent.PURCHASE_APPROVED)
			.toList();
	}

	@Test
	void anUnpaidRenewalIsAnnouncedAsDelayed() {
		long producer = this.world.producer();
		Product club = this.world.club(producer);
		Offer monthly = this.world.plan(producer, club.id(), "Monthly", 4990);
		this.world.endpoint(producer, this.receiver.url(), java.util.EnumSet.of(WebhookEvent.PURCHASE_DELAYED));
		Purchase purchase = this.world.buy(monthly.code(), WebhookWorld.unique("late"), "4000000000340002");
		Eventually.until("the subscription", () -> !this.subscriptions.ofBuyer(purchase.buyerAccountId()).isEmpty());
		Subscription s = this.subscriptions.ofBuyer(purchase.buyerAccountId()).get(0);
		this.clock.set(s.nextChargeAt().plus(Duration.ofMinutes(1)));
		this.renewals.runDue();
		JsonNode delayed = JSON.readTree(awaitEvent("PURCHASE_DELAYED").body()).path("data");
		assertThat(delayed.path("purchase").path("status").asString()).isEqualTo("OVERDUE");
		assertThat(delayed.path("purchase").path("recurrence_number").asInt()).isEqualTo(2);
		assertThat(delayed.path("subscription").path("subscriber").path("code").asString()).isEqualTo(s.code());
	}

	@Test
	void studentsFirstAccessAndCompletedModulesAreAnnounced() {
		long producer = this.world.producer();
		Product course = this.world.course(producer, Delivery.membersArea());
		Offer offer = this.world.single(producer, course.id(), 10000);
		ClubModule module = this.content.addModule(producer, course.id(), new ModuleDetails("Basics", false, true));
		ClubPage page = this.content.addPage(producer, module.id(),
				new PageDetails("Welcome", PageKind.TEXT, "Hi", null, true));
		this.world.endpoint(producer, this.receiver.url(),
				java.util.EnumSet.of(WebhookEvent.CLUB_FIRST_ACCESS, WebhookEvent.CLUB_MODULE_COMPLETED));
		String email = WebhookWorld.unique("student");
		Purchase purchase = this.world.buy(offer.code(), email, WebhookWorld.APPROVED_CARD);
		Eventually.until("enrolment",
				() -> this.enrollments.ofAccount(purchase.buyerAccountId())
					.stream()
					.anyMatch((e) -> e.productId() == course.id()));

		this.access.recordEntry(purchase.buyerAccountId(), course.id());
		this.access.recordEntry(purchase.buyerAccountId(), course.id());
		JsonNode first = JSON.readTree(awaitEvent("CLUB_FIRST_ACCESS").body()).path("data");
		assertThat(first.path("product").path("id").asLong()).isEqualTo(course.id());
		assertThat(first.path("product").path("name").asString()).isEqualTo("Sourdough course");
		assertThat(first.path("user").path("email").asString()).isEqualTo(email);
		assertThat(first.path("user").path("name").asString()).isEqualTo("Bia Maria Buyer");
		assertThat(first.has("module")).isFalse();

		this.access.complete(purchase.buyerAccountId(), page.id(), java.util.Set.of());
		JsonNode completed = JSON.readTree(awaitEvent("CLUB_MODULE_COMPLETED").body()).path("data");
		assertThat(completed.path("module").path("id").asString()).isEqualTo(module.publicId());
		assertThat(completed.path("module").path("name").asString()).isEqualTo("Basics");
		assertThat(completed.path("user").path("email").asString()).isEqualTo(email);
		assertThat(this.receiver.requests()).hasSize(2);
	}

	private Receiver.Request awaitEvent(String event) {
		Eventually.until(event + " at the receiver", () -> find(event).isPresent());
		return find(event).orElseThrow();
	}

	private Optional<Receiver.Request> find(String event) {
		return this.receiver.requests()
			.stream()
			.filter((r) -> r.body().contains("\"event\":\"" + event + "\""))
			.findFirst();
	}

}
