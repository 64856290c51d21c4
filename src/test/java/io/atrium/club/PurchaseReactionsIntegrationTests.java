package io.atrium.club;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.catalog.DeliveryKind;
import io.atrium.catalog.Offer;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Product;
import io.atrium.catalog.Products;
import io.atrium.checkout.Buyer;
import io.atrium.checkout.CardDetails;
import io.atrium.checkout.ChargeStatus;
import io.atrium.checkout.Checkout;
import io.atrium.checkout.CheckoutRequest;
import io.atrium.checkout.PaymentGateway;
import io.atrium.checkout.PaymentMethod;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseApproved;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.checkout.Purchases;
import io.atrium.checkout.Refunds;
import io.atrium.checkout.internal.SandboxCards;
import io.atrium.club.groups.Enrollments;
import io.atrium.club.groups.PurchaseState;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Eventually;
import io.atrium.support.TestClock;
import io.atrium.support.TestMail;
import io.atrium.support.WebClient;
import io.atrium.support.WebClient.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reactions to a purchase run after it committed, through the event publication registry:
 * a failing enrolment never rolls back a charged purchase and is retried until it
 * succeeds; a refund ends access after commit; the purchase e-mail arrives once even when
 * the event is delivered again.
 */
@AtriumIntegrationTest
class PurchaseReactionsIntegrationTests {

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
	Purchases purchases;

	@Autowired
	PaymentGateway gateway;

	@Autowired
	Enrollments enrollments;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	ClubShop shop;

	@BeforeEach
	void shop() {
		this.shop = new ClubShop(this.accounts, this.products, this.offers, this.checkout, this.enrollments);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aPurchaseWhoseEnrolmentFailsIsKeptChargedAndEnrolledOnTheScheduledRetry() {
		String producerEmail = ClubShop.unique("producer");
		long producer = this.shop.account(producerEmail, "Paula Producer", Role.PRODUCER);
		Product course = this.shop.course(producer);
		Offer offer = this.shop.offer(producer, course.id(), "Once");
		String buyer = ClubShop.unique("buyer");

		try (EnrolmentFailures failures = new EnrolmentFailures(this.enrollments)) {
			failures.fail(buyer);
			Purchase purchase = buyWithoutWaiting(offer.code(), buyer);

			assertThat(purchase.status()).isEqualTo(PurchaseStatus.APPROVED);
			Eventually.until("the enrolment failed", () -> failures.failures() >= 1
					&& "FAILED".equals(publicationStatus("ClubListeners", purchase.transaction())));
			// the payment's transaction committed and stays: charged, approved, not
			// enrolled
			assertThat(this.purchases.byTransaction(purchase.transaction()).orElseThrow().status())
				.isEqualTo(PurchaseStatus.APPROVED);
			assertThat(this.gateway.find(purchase.transaction()).orElseThrow().status())
				.isEqualTo(ChargeStatus.APPROVED);
			assertThat(this.enrollments.ofAccount(purchase.buyerAccountId())).isEmpty();
			// the buyer's e-mail is another reaction: it does not wait for the enrolment
			assertThat(TestMail.subject(TestMail.awaitNth(buyer, 1))).contains(purchase.transaction());

			// two minutes later the stuck publication shows, to the admin and to its
			// producer
			this.clock.advance(Duration.ofMinutes(2));
			WebClient admin = new WebClient(this.port);
			admin.logIn(AtriumIntegrationTest.ADMIN_EMAIL, AtriumIntegrationTest.ADMIN_PASSWORD);
			Page stuck = admin.get("/admin/events?olderThan=1");
			assertThat(stuck.status()).isEqualTo(200);
			assertThat(stuck.text()).contains("ClubListeners.on(PurchaseApproved)");
			assertThat(stuck.document().select("form[action^=/admin/events/] button").eachText()).contains("Retry now");
			WebClient seller = new WebClient(this.port);
			seller.logIn(producerEmail, ClubShop.PASSWORD);
			assertThat(seller.get("/business/events?olderThan=1").text())
				.contains("ClubListeners.on(PurchaseApproved)");
			WebClient otherSeller = new WebClient(this.port);
			String otherEmail = ClubShop.unique("producer");
			this.shop.account(otherEmail, "Otto Other", Role.PRODUCER);
			otherSeller.logIn(otherEmail, ClubShop.PASSWORD);
			assertThat(otherSeller.get("/business/events?olderThan=1").text())
				.doesNotContain("ClubListeners.on(PurchaseApproved)")
				.contains("Nothing is waiting");
			assertThat(admin.get("/admin/events?olderThan=7").status()).isEqualTo(400);

			// the cause is fixed; the scheduled resubmission (backoff passed) enrols the
			// buyer
			failures.recover(buyer);
			this.clock.advance(Duration.ofMinutes(3));
			Eventually.until("the buyer is enrolled by the retry",
					() -> !this.enrollments.ofAccount(purchase.buyerAccountId()).isEmpty());
			assertThat(this.enrollments.ofAccount(purchase.buyerAccountId())).singleElement()
				.satisfies((e) -> assertThat(e.purchaseId()).isEqualTo(purchase.id()));
			Eventually.until("the publication is completed",
					() -> "COMPLETED".equals(publicationStatus("ClubListeners", purchase.transaction())));
			assertThat(this.purchases.byTransaction(purchase.transaction()).orElseThrow().status())
				.isEqualTo(PurchaseStatus.APPROVED);
		}
	}

	@Test
	void theAdminRetriesAStuckReactionNow() {
		long producer = this.shop.producer();
		Product course = this.shop.course(producer);
		Offer offer = this.shop.offer(producer, course.id(), "Once");
		String buyer = ClubShop.unique("buyer");
		try (EnrolmentFailures failures = new EnrolmentFailures(this.enrollments)) {
			failures.fail(buyer);
			Purchase purchase = buyWithoutWaiting(offer.code(), buyer);
			Eventually.until("the enrolment failed",
					() -> "FAILED".equals(publicationStatus("ClubListeners", purchase.transaction())));
			failures.recover(buyer);
			String id = this.jdbc
				.sql("SELECT CAST(id AS VARCHAR(36)) FROM event_publication WHERE listener_id LIKE ? "
						+ "AND serialized_event LIKE ?")
				.params("%ClubListeners%", "%" + purchase.transaction() + "%")
				.query(String.class)
				.single();

			WebClient admin = new WebClient(this.port);
			admin.logIn(AtriumIntegrationTest.ADMIN_EMAIL, AtriumIntegrationTest.ADMIN_PASSWORD);
			Page retried = admin.submit("/admin/events/" + id + "/retry", Map.of());
			assertThat(retried.text()).contains("The reaction was started again");
			Eventually.until("the buyer is enrolled by the retry",
					() -> !this.enrollments.ofAccount(purchase.buyerAccountId()).isEmpty());
			Eventually.until("the publication is completed",
					() -> "COMPLETED".equals(publicationStatus("ClubListeners", purchase.transaction())));
			assertThat(admin.submit("/admin/events/" + id + "/retry", Map.of()).text()).contains("already succeeded");
			assertThat(admin.submit("/admin/events/not-a-uuid/retry", Map.of()).text()).contains("already succeeded");
		}
	}

	@Test
	void aRefundEndsAccessAfterItsCommitAndTheBuyerIsToldOnce() {
		long producer = this.shop.producer();
		Product course = this.shop.course(producer);
		Offer offer = this.shop.offer(producer, course.id(), "Once");
		String buyer = ClubShop.unique("buyer");
		Purchase purchase = this.shop.buy(offer.code(), buyer);

		this.refunds.refund(producer, purchase.transaction());
		Eventually.until("access ends",
				() -> this.enrollments.ofAccount(purchase.buyerAccountId())
					.stream()
					.allMatch((e) -> e.purchaseState() == PurchaseState.REFUNDED));
		Eventually.until("the refund's reactions completed",
				() -> "COMPLETED".equals(publicationStatus("ClubListeners%PurchaseRefunded", purchase.transaction())));
		List<jakarta.mail.internet.MimeMessage> mails = TestMail.awaitTo(buyer, 2, Duration.ofSeconds(30));
		assertThat(mails).extracting(TestMail::subject)
			.filteredOn((s) -> s.toLowerCase(Locale.ROOT).contains("refund"))
			.hasSize(1);
	}

	@Test
	void thePurchaseEmailAndTheEnrolmentHappenOnceWhenTheEventIsDeliveredAgain() {
		long producer = this.shop.producer();
		Product course = this.shop.course(producer);
		Offer offer = this.shop.offer(producer, course.id(), "Once");
		String buyer = ClubShop.unique("buyer");
		Purchase purchase = this.shop.buy(offer.code(), buyer);
		TestMail.awaitTo(buyer, 1, Duration.ofSeconds(30));

		// a redelivery: the same event published again, as a resubmission after a crash
		// does
		PurchaseApproved again = new PurchaseApproved(purchase.transaction(), purchase.id(), course.id(), offer.id(),
				null, producer, purchase.buyerAccountId(), buyer, purchase.terms().price(), purchase.approvedAt(),
				DeliveryKind.MEMBERS_AREA, null);
		this.transaction.executeWithoutResult((status) -> this.events.publishEvent(again));
		Eventually.until("every reaction completed", () -> this.jdbc
			.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE ?")
			.param("%" + purchase.transaction() + "%")
			.query(Long.class)
			.single() == 0);
		assertThat(this.jdbc.sql("SELECT count(*) FROM event_publication WHERE serialized_event LIKE ?")
			.param("%" + purchase.transaction() + "%")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(4);

		assertThat(TestMail.to(buyer)).hasSize(1);
		assertThat(this.enrollments.ofAccount(purchase.buyerAccountId())).singleElement()
			.satisfies((e) -> assertThat(e.purchaseId()).isEqualTo(purchase.id()));
	}

	private Purchase buyWithoutWaiting(String offerCode, String email) {
		return this.checkout.checkout(new CheckoutRequest(UUID.randomUUID().toString(), offerCode, null,
				new Buyer("Bia Buyer", email, null, Locale.ENGLISH), PaymentMethod.CARD,
				new CardDetails(SandboxCards.APPROVED, "BIA BUYER", 12, 2035, "123"), null));
	}

	private String publicationStatus(String listener, String transaction) {
		return this.jdbc
			.sql("SELECT status FROM event_publication WHERE listener_id LIKE ? AND serialized_event LIKE ?")
			.params("%" + listener + "%", "%" + transaction + "%")
			.query(String.class)
			.optional()
			.orElse(null);
	}

}
