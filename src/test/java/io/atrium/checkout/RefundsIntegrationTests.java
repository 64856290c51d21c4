package io.atrium.checkout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.catalog.Coupons;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.checkout.internal.SandboxCards;
import io.atrium.shared.EmailAddress;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.TestClock;
import io.atrium.support.TestMail;
import io.atrium.support.WebClient;
import io.atrium.support.WebClient.Page;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Refund requests, refunds, chargebacks and completion over real HTTP with the sandbox
 * gateway, real e-mail and a movable clock.
 */
@AtriumIntegrationTest
class RefundsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

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
	Refunds refunds;

	TestShop shop;

	@BeforeEach
	void shop() {
		this.shop = new TestShop(this.accounts, this.products, this.offers, this.coupons);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void buyerRequestsProducerIsToldAndRefundsOnceAndTheBuyerLosesAccess() {
		TestShop.Sale sale = this.shop.sale();
		Buyer buyer = buyer();
		String transaction = buy(sale, buyer);

		WebClient browser = browser();
		Page mine = browser.logIn(buyer.email(), TestShop.PASSWORD);
		assertThat(mine.path()).isEqualTo("/purchases");
		assertThat(mine.document().select("form[action$=/refund-request] button").text()).isEqualTo("Request a refund");
		Page requested = browser.submit("/purchases/" + transaction + "/refund-request", Map.of());
		assertThat(requested.text()).contains("Your refund request was sent to the producer")
			.contains("Refund requested");
		assertThat(requested.document().select("form[action$=/refund-request]")).isEmpty();
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM purchases WHERE transaction_code = ? AND refund_requested_at IS NOT NULL")
			.param(transaction)
			.query(Integer.class)
			.single()).isOne();

		String producerEmail = this.accounts.find(new io.atrium.accounts.AccountId(sale.producer()))
			.orElseThrow()
			.email();
		MimeMessage notice = TestMail.awaitNth(producerEmail, 1);
		assertThat(TestMail.subject(notice)).contains("Refund request").contains(transaction);
		assertThat(MailText.of(notice)).contains(buyer.email()).contains("/business/refunds");

		WebClient producer = browser();
		producer.logIn(producerEmail, TestShop.PASSWORD);
		Page page = producer.get("/business/refunds");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.document().select(".refund-request").text()).contains(transaction).contains(buyer.email());
		Instant chargeUpdated = chargeUpdatedAt(transaction);
		this.clock.advance(Duration.ofHours(1));
		Page refunded = producer.submit("/business/refunds", Map.of("transaction", transaction));
		assertThat(refunded.text()).contains("The purchase was refunded");
		assertThat(refunded.document().select(".refund-request")).isEmpty();
		assertThat(status(transaction)).isEqualTo("REFUNDED");
		assertThat(chargeStatus(transaction)).isEqualTo("REFUNDED");
		Instant refundedAtGateway = chargeUpdatedAt(transaction);
		assertThat(refundedAtGateway).isAfter(chargeUpdated);
		assertThat(history(transaction)).containsExactly("STARTED", "APPROVED", "REFUNDED");
		assertThat(RecordedPurchaseEvents.about(transaction)).singleElement()
			.isInstanceOfSatisfying(PurchaseRefunded.class, (e) -> {
				assertThat(e.productId()).isEqualTo(sale.productId());
				assertThat(e.producerAccountId()).isEqualTo(sale.producer());
			});

		MimeMessage mail = TestMail.awaitNth(buyer.email(), 2);
		assertThat(TestMail.subject(mail)).contains("Refund of").contains(transaction);

		// a second refund: "already refunded", and the gateway is not called again
		this.clock.advance(Duration.ofHours(1));
		Page again = producer.submit("/business/refunds", Map.of("transaction", transaction));
		assertThat(again.text()).contains("This purchase was already refunded");
		assertThatThrownBy(() -> this.refunds.refund(sale.producer(), transaction)).isInstanceOfSatisfying(
				RefundRefused.class, (ex) -> assertThat(ex.reason()).isEqualTo(RefundRefused.Reason.ALREADY_REFUNDED));
		assertThat(chargeUpdatedAt(transaction)).isEqualTo(refundedAtGateway);
		assertThat(history(transaction)).containsExactly("STARTED", "APPROVED", "REFUNDED");
		assertThat(RecordedPurchaseEvents.about(transaction)).hasSize(1);

		Page after = browser.get("/purchases");
		assertThat(after.text()).contains("Refunded").doesNotContain("members area");
		assertThat(after.document().select("form[action$=/refund-request]")).isEmpty();
	}

	@Test
	void aRequestAfterTheWindowIsRefusedWithTheDateItEnded() {
		TestShop.Sale sale = this.shop.sale();
		Buyer buyer = buyer();
		String transaction = buy(sale, buyer);
		WebClient browser = browser();
		browser.logIn(buyer.email(), TestShop.PASSWORD);
		this.clock.advance(Duration.ofDays(7).plusMinutes(1));
		Page page = browser.get("/purchases");
		assertThat(page.document().select("form[action$=/refund-request]")).isEmpty();
		Page refused = browser.submit("/purchases/" + transaction + "/refund-request", Map.of());
		assertThat(refused.text()).contains("The refund guarantee of this purchase ended on")
			.contains("(America/Sao_Paulo)");
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM purchases WHERE transaction_code = ? "
					+ "AND refund_requested_at IS NULL AND status = 'APPROVED'")
			.param(transaction)
			.query(Integer.class)
			.single()).isOne();
		// the producer cannot refund it either, and says why
		assertThatThrownBy(() -> this.refunds.refund(sale.producer(), transaction))
			.isInstanceOfSatisfying(RefundRefused.class, (ex) -> {
				assertThat(ex.reason()).isEqualTo(RefundRefused.Reason.NOT_ELIGIBLE);
				assertThat(ex.windowEnd()).isNotNull();
			});
		assertThat(chargeStatus(transaction)).isEqualTo("APPROVED");
	}

	@Test
	void anotherProducerCannotRefund() {
		TestShop.Sale sale = this.shop.sale();
		String transaction = buy(sale, buyer());
		TestShop.Sale other = this.shop.sale();
		String otherEmail = this.accounts.find(new io.atrium.accounts.AccountId(other.producer()))
			.orElseThrow()
			.email();
		WebClient intruder = browser();
		intruder.logIn(otherEmail, TestShop.PASSWORD);
		intruder.get("/business/refunds");
		Page answer = intruder.post("/business/refunds", Map.of("transaction", transaction));
		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.text()).contains("There is no such purchase among yours");
		assertThatThrownBy(() -> this.refunds.refund(other.producer(), transaction)).isInstanceOfSatisfying(
				RefundRefused.class, (ex) -> assertThat(ex.reason()).isEqualTo(RefundRefused.Reason.NOT_FOUND));
		assertThat(status(transaction)).isEqualTo("APPROVED");
		assertThat(chargeStatus(transaction)).isEqualTo("APPROVED");
	}

	@Test
	void anUnansweredRequestIsRefundedByThePlatformAfterFiveDaysEvenPastTheWindow() {
		TestShop.Sale sale = this.shop.sale();
		Buyer buyer = buyer();
		String transaction = buy(sale, buyer);
		this.clock.advance(Duration.ofDays(6));
		this.refunds.requestRefund(buyerId(buyer), transaction);
		this.clock.advance(Duration.ofDays(4));
		this.refunds.refundOverdueRequests();
		this.refunds.completeEnded();
		assertThat(status(transaction)).isEqualTo("APPROVED");
		this.clock.advance(Duration.ofDays(1).plusMinutes(1));
		assertThat(this.refunds.refundOverdueRequests()).isPositive();
		assertThat(status(transaction)).isEqualTo("REFUNDED");
		assertThat(chargeStatus(transaction)).isEqualTo("REFUNDED");
		assertThat(RecordedPurchaseEvents.about(transaction)).singleElement().isInstanceOf(PurchaseRefunded.class);
		assertThat(TestSubjects.of(buyer.email())).anyMatch((s) -> s.contains("Refund of"));
	}

	@Test
	void purchasesBecomeCompleteWhenTheWindowEnds() {
		TestShop.Sale sale = this.shop.sale();
		String transaction = buy(sale, buyer());
		this.clock.advance(Duration.ofDays(7).minusMinutes(1));
		this.refunds.completeEnded();
		assertThat(status(transaction)).isEqualTo("APPROVED");
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.refunds.completeEnded()).isPositive();
		assertThat(status(transaction)).isEqualTo("COMPLETE");
		assertThat(history(transaction)).containsExactly("STARTED", "APPROVED", "COMPLETE");
		assertThatThrownBy(() -> this.refunds.refund(sale.producer(), transaction)).isInstanceOf(RefundRefused.class);
	}

	@Test
	void anAdminMarksAChargebackOnTheSandboxPageAndOthersCannot() {
		TestShop.Sale sale = this.shop.sale();
		Buyer buyer = buyer();
		String transaction = buy(sale, buyer);
		String chargeId = this.jdbc.sql("SELECT id FROM sandbox_charges WHERE idempotency_key = ?")
			.param(transaction)
			.query(String.class)
			.single();

		WebClient someone = browser();
		someone.logIn(buyer.email(), TestShop.PASSWORD);
		assertThat(someone.get("/sandbox/payments/" + chargeId).status()).isEqualTo(404);
		someone.get("/purchases");
		assertThat(someone.post("/sandbox/payments/" + chargeId + "/chargeback", Map.of()).status()).isEqualTo(403);
		assertThat(status(transaction)).isEqualTo("APPROVED");

		String adminEmail = TestShop.unique("admin");
		this.accounts.createActive(EmailAddress.of(adminEmail), "Admin", TestShop.PASSWORD, Locale.ENGLISH,
				Set.of(Role.ADMIN));
		WebClient admin = browser();
		admin.logIn(adminEmail, TestShop.PASSWORD);
		Page sandbox = admin.get("/sandbox/payments/" + chargeId);
		assertThat(sandbox.status()).isEqualTo(200);
		assertThat(sandbox.document().select("form[action$=/chargeback] button").text())
			.isEqualTo("Mark as charged back");
		Page after = admin.submit("/sandbox/payments/" + chargeId + "/chargeback", Map.of());
		assertThat(after.document().getElementById("purchase-status").text()).isEqualTo("Chargeback");
		assertThat(after.document().select("form[action$=/chargeback]")).isEmpty();
		assertThat(status(transaction)).isEqualTo("CHARGEBACK");
		assertThat(history(transaction)).containsExactly("STARTED", "APPROVED", "CHARGEBACK");
		assertThat(RecordedPurchaseEvents.about(transaction)).singleElement().isInstanceOf(PurchaseChargedBack.class);

		Page mine = someone.get("/purchases");
		assertThat(mine.text()).contains("Chargeback").doesNotContain("members area");
	}

	private Buyer buyer() {
		String email = TestShop.unique("buyer");
		this.accounts.createActive(EmailAddress.of(email), "Bia Buyer", TestShop.PASSWORD, Locale.ENGLISH,
				Set.of(Role.STUDENT));
		return new Buyer("Bia Buyer", email, null, Locale.ENGLISH);
	}

	private long buyerId(Buyer buyer) {
		return this.accounts.findByEmail(EmailAddress.of(buyer.email())).orElseThrow().id().value();
	}

	private String buy(TestShop.Sale sale, Buyer buyer) {
		Purchase purchase = this.checkout
			.checkout(new CheckoutRequest(UUID.randomUUID().toString(), sale.offerCode(), null, buyer,
					PaymentMethod.CARD, new CardDetails(SandboxCards.APPROVED, "BIA BUYER", 12, 2035, "123"), null));
		assertThat(purchase.status()).isEqualTo(PurchaseStatus.APPROVED);
		TestMail.awaitNth(buyer.email(), 1);
		return purchase.transaction();
	}

	private String status(String transaction) {
		return this.jdbc.sql("SELECT status FROM purchases WHERE transaction_code = ?")
			.param(transaction)
			.query(String.class)
			.single();
	}

	private String chargeStatus(String transaction) {
		return this.jdbc.sql("SELECT status FROM sandbox_charges WHERE idempotency_key = ?")
			.param(transaction)
			.query(String.class)
			.single();
	}

	private Instant chargeUpdatedAt(String transaction) {
		return this.jdbc.sql("SELECT updated_at FROM sandbox_charges WHERE idempotency_key = ?")
			.param(transaction)
			.query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
			.single();
	}

	private List<String> history(String transaction) {
		return this.jdbc
			.sql("SELECT to_status FROM purchase_status_history h JOIN purchases p "
					+ "ON p.id = h.purchase_id WHERE p.transaction_code = ? ORDER BY h.id")
			.param(transaction)
			.query(String.class)
			.list();
	}

	private WebClient browser() {
		return new WebClient(this.port).language("en");
	}

	static final class TestSubjects {

		static List<String> of(String email) {
			return TestMail.awaitTo(email, 2, Duration.ofSeconds(10)).stream().map(TestMail::subject).toList();
		}

	}

}
