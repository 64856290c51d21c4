package io.atrium.checkout;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.Coupons;
import io.atrium.catalog.Delivery;
import io.atrium.catalog.Offers;
import io.atrium.catalog.ProductStatus;
import io.atrium.catalog.Products;
import io.atrium.checkout.internal.SandboxCards;
import io.atrium.shared.EmailAddress;
import io.atrium.shared.Money;
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

/**
 * The checkout over real HTTP with the sandbox gateway, real e-mail and a real database.
 */
@AtriumIntegrationTest
class CheckoutIntegrationTests {

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
	PaymentGateway gateway;

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
	void approvedCardMakesAnApprovedPurchaseAPendingBuyerAccountAndThePurchaseEmail() {
		TestShop.Sale sale = this.shop.sale();
		String email = TestShop.unique("ana");
		WebClient browser = browser("pt-BR");
		Page form = browser.get("/checkout/" + sale.offerCode());
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.text()).contains("Sourdough course").contains("100,00").contains("4111 1111 1111 1111");

		Page result = browser.submit("/checkout/" + sale.offerCode(), card(form, email, SandboxCards.APPROVED));
		assertThat(result.status()).isEqualTo(200);
		String transaction = result.document().getElementById("transaction").text();
		assertThat(transaction).matches("HP\\d{14}");
		assertThat(result.text()).contains("Aprovada");

		assertThat(status(transaction)).isEqualTo("APPROVED");
		assertThat(this.jdbc
			.sql("SELECT to_status FROM purchase_status_history h JOIN purchases p "
					+ "ON p.id = h.purchase_id WHERE p.transaction_code = ? ORDER BY h.id")
			.param(transaction)
			.query(String.class)
			.list()).containsExactly("STARTED", "APPROVED");
		assertThat(this.jdbc.sql("SELECT card_last4 FROM purchases WHERE transaction_code = ?")
			.param(transaction)
			.query(String.class)
			.single()).isEqualTo("1111");
		Accounts.AccountSummary buyer = this.accounts.findByEmail(EmailAddress.of(email)).orElseThrow();
		assertThat(buyer.active()).isFalse();

		MimeMessage mail = TestMail.awaitNth(email, 1);
		assertThat(TestMail.subject(mail)).contains("Sua compra de Sourdough course").contains(transaction);
		assertThat(MailText.of(mail)).contains(transaction).contains("Primeiro ative sua conta");
		String activation = TestMail.link(mail, "/activate/");
		assertThat(activation).isNotNull();

		// the buyer activates, buys again with the same e-mail: "use your password", one
		// account
		Page activate = browser.get(activation);
		assertThat(activate.status()).isEqualTo(200);
		browser.submit(java.net.URI.create(activation).getPath(),
				Map.of("password", TestShop.PASSWORD, "confirmation", TestShop.PASSWORD));
		WebClient again = browser("pt-BR");
		Page second = again.get("/checkout/" + sale.offerCode());
		again.submit("/checkout/" + sale.offerCode(), card(second, email, SandboxCards.APPROVED));
		MimeMessage secondMail = TestMail.awaitNth(email, 2);
		assertThat(MailText.of(secondMail)).contains("Entre com a senha que você já tem").doesNotContain("/activate/");
		assertThat(this.jdbc.sql("SELECT count(*) FROM accounts WHERE email = ?")
			.param(email)
			.query(Integer.class)
			.single()).isOne();

		// My purchases lists both, and only this buyer's
		Page mine = again.logIn(email, TestShop.PASSWORD);
		assertThat(mine.path()).isEqualTo("/purchases");
		assertThat(mine.document().select(".purchase")).hasSize(2);
		assertThat(mine.text()).contains(transaction).contains("help@bakery.example");
	}

	@Test
	void declinedCardsTellWhyAndTheBuyerCanTryAgain() {
		TestShop.Sale sale = this.shop.sale();
		String email = TestShop.unique("bruno");
		WebClient browser = browser("en");
		Page form = browser.get("/checkout/" + sale.offerCode());
		Map<String, String> declined = card(form, email, SandboxCards.DECLINED);
		Page refused = browser.post("/checkout/" + sale.offerCode(), declined);
		assertThat(refused.status()).isEqualTo(402);
		assertThat(refused.text()).contains("Your bank declined the card");
		assertThat(refused.document().getElementById("email").attr("value")).isEqualTo(email);
		assertThat(refused.document().getElementById("cardNumber").attr("value")).isEmpty();

		Page noFunds = browser.post("/checkout/" + sale.offerCode(),
				card(refused, email, SandboxCards.INSUFFICIENT_FUNDS));
		assertThat(noFunds.text()).contains("The card has insufficient funds");
		Page error = browser.post("/checkout/" + sale.offerCode(), card(noFunds, email, SandboxCards.PROCESSING_ERROR));
		assertThat(error.text()).contains("The payment processor had an error");
		assertThat(this.jdbc.sql("SELECT status FROM purchases WHERE buyer_email = ? ORDER BY id")
			.param(email)
			.query(String.class)
			.list()).containsExactly("CANCELLED", "NO_FUNDS", "CANCELLED");
		assertThat(this.accounts.findByEmail(EmailAddress.of(email))).isEmpty();

		Page approved = browser.submit("/checkout/" + sale.offerCode(), card(error, email, SandboxCards.APPROVED));
		assertThat(approved.text()).contains("Approved");
		assertThat(TestMail.awaitNth(email, 1)).isNotNull();
	}

	@Test
	void doubleSubmitOfOneAttemptMakesOnePurchaseAndOneCharge() {
		TestShop.Sale sale = this.shop.sale();
		String email = TestShop.unique("carla");
		WebClient browser = browser("en");
		Page form = browser.get("/checkout/" + sale.offerCode());
		Map<String, String> fields = card(form, email, SandboxCards.APPROVED);
		Page first = browser.post("/checkout/" + sale.offerCode(), fields);
		Page second = browser.post("/checkout/" + sale.offerCode(), fields);
		assertThat(first.location()).isEqualTo(second.location());
		assertThat(this.jdbc.sql("SELECT count(*) FROM purchases WHERE buyer_email = ?")
			.param(email)
			.query(Integer.class)
			.single()).isOne();
		// the page keeps the buyer's address for the webhooks' purchase.buyer_ip
		assertThat(this.jdbc.sql("SELECT buyer_ip FROM purchases WHERE buyer_email = ?")
			.param(email)
			.query(String.class)
			.single()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		String transaction = first.location().substring(first.location().lastIndexOf('/') + 1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM sandbox_charges WHERE idempotency_key = ?")
			.param(transaction)
			.query(Integer.class)
			.single()).isOne();
	}

	@Test
	void concurrentSubmitsOfOneAttemptMakeOnePurchaseAndOneCharge() throws Exception {
		TestShop.Sale sale = this.shop.sale();
		String email = TestShop.unique("dario");
		WebClient browser = browser("en");
		Page form = browser.get("/checkout/" + sale.offerCode());
		Map<String, String> fields = card(form, email, SandboxCards.APPROVED);
		fields.put("_csrf", form.document().selectFirst("input[name=_csrf]").attr("value"));
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
		try {
			java.util.List<java.util.concurrent.Future<Page>> answers = new java.util.ArrayList<>();
			for (int i = 0; i < 4; i++) {
				answers.add(pool.submit(() -> browser.post("/checkout/" + sale.offerCode(), fields)));
			}
			java.util.Set<String> locations = new java.util.HashSet<>();
			for (java.util.concurrent.Future<Page> answer : answers) {
				locations.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS).location());
			}
			assertThat(locations).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM purchases WHERE buyer_email = ?")
			.param(email)
			.query(Integer.class)
			.single()).isOne();
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM sandbox_charges c JOIN purchases p "
					+ "ON p.transaction_code = c.idempotency_key WHERE p.buyer_email = ?")
			.param(email)
			.query(Integer.class)
			.single()).isOne();
		assertThat(TestMail.awaitNth(email, 1)).isNotNull();
		assertThat(TestMail.to(email)).hasSize(1);
	}

	@Test
	void pixWaitsForPaymentThenTheSandboxPageApprovesIt() {
		TestShop.Sale sale = this.shop.sale();
		String email = TestShop.unique("dora");
		WebClient browser = browser("es");
		Page form = browser.get("/checkout/" + sale.offerCode());
		Page pending = browser.submit("/checkout/" + sale.offerCode(), pix(form, email));
		String transaction = pending.document().getElementById("transaction").text();
		assertThat(status(transaction)).isEqualTo("WAITING_PAYMENT");
		assertThat(pending.document().getElementById("pix-code").text()).startsWith("000201");
		String sandbox = pending.document().getElementById("sandbox-link").attr("href");

		assertThat(browser("es").get(sandbox).status()).isEqualTo(404);
		Page page = browser.get(sandbox);
		assertThat(page.status()).isEqualTo(200);
		Page paid = browser.submit(sandbox + "/pay", Map.of());
		assertThat(paid.text()).contains("Aprobada");
		assertThat(status(transaction)).isEqualTo("APPROVED");
		assertThat(TestMail.subject(TestMail.awaitNth(email, 1))).contains("Tu compra de").contains(transaction);
	}

	@Test
	void unpaidPixExpires() {
		TestShop.Sale sale = this.shop.sale();
		String email = TestShop.unique("edu");
		WebClient browser = browser("en");
		Page form = browser.get("/checkout/" + sale.offerCode());
		Page pending = browser.submit("/checkout/" + sale.offerCode(), pix(form, email));
		String transaction = pending.document().getElementById("transaction").text();
		String sandbox = pending.document().getElementById("sandbox-link").attr("href");

		this.clock.advance(Duration.ofMinutes(29));
		this.checkout.expirePending();
		assertThat(status(transaction)).isEqualTo("WAITING_PAYMENT");
		this.clock.advance(Duration.ofMinutes(2));
		this.checkout.expirePending();
		assertThat(status(transaction)).isEqualTo("EXPIRED");
		browser.get(sandbox);
		browser.submit(sandbox + "/pay", Map.of());
		assertThat(status(transaction)).isEqualTo("EXPIRED");
		assertThat(this.accounts.findByEmail(EmailAddress.of(email))).isEmpty();
	}

	@Test
	void aPurchaseLeftStartedAfterTheChargeIsRecoveredOnce() {
		TestShop.Sale sale = this.shop.sale();
		String email = TestShop.unique("fabio");
		CheckoutRequest request = new CheckoutRequest("test:" + email, sale.offerCode(), null,
				new Buyer("Fabio", email, null, Locale.ENGLISH), PaymentMethod.CARD,
				new CardDetails(SandboxCards.APPROVED, "Fabio", 12, 2099, "123"), null);
		Checkout.Started started = this.checkout.begin(request);
		Purchase purchase = started.purchase();
		this.gateway.charge(ChargeRequest.once(purchase.transaction(), purchase.terms().price(), PaymentMethod.CARD,
				request.card(), "Fabio", email, "x"));
		// the process "crashed" before recording the outcome
		assertThat(status(purchase.transaction())).isEqualTo("STARTED");
		assertThat(this.checkout.recoverStarted()).isZero();

		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.checkout.recoverStarted()).isOne();
		assertThat(this.checkout.recoverStarted()).isZero();
		assertThat(status(purchase.transaction())).isEqualTo("APPROVED");
		assertThat(this.checkout.checkout(request).status()).isEqualTo(PurchaseStatus.APPROVED);
		assertThat(this.jdbc.sql("SELECT count(*) FROM sandbox_charges WHERE idempotency_key = ?")
			.param(purchase.transaction())
			.query(Integer.class)
			.single()).isOne();
		assertThat(TestMail.awaitNth(email, 1)).isNotNull();
		assertThat(TestMail.to(email)).hasSize(1);
	}

	@Test
	void couponLinkAppliesTheDiscountAndRefusedCouponsSayWhy() {
		TestShop.Sale sale = this.shop.sale();
		Instant now = this.clock.instant();
		this.shop.coupon(sale, "BREAD20", "0.2", null, null);
		this.shop.coupon(sale, "OLD", "0.5", now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)));
		TestShop.Sale other = this.shop.sale();
		this.shop.coupon(other, "FOREIGN", "0.5", null, null);

		WebClient browser = browser("en");
		Page form = browser.get("/checkout/" + sale.offerCode() + "?coupon=bread20");
		assertThat(form.document().getElementById("total").text()).isEqualTo("R$80.00");
		assertThat(form.text()).contains("Coupon BREAD20 applied");

		String email = TestShop.unique("gil");
		Page result = browser.submit("/checkout/" + sale.offerCode(), card(form, email, SandboxCards.APPROVED));
		String transaction = result.document().getElementById("transaction").text();
		assertThat(this.jdbc.sql("SELECT amount_minor FROM purchases WHERE transaction_code = ?")
			.param(transaction)
			.query(Long.class)
			.single()).isEqualTo(8000L);

		Page expired = browser.get("/checkout/" + sale.offerCode() + "?coupon=OLD");
		assertThat(expired.text()).contains("This coupon expired on");
		assertThat(expired.document().getElementById("total").text()).isEqualTo("R$100.00");
		Page foreign = browser.post("/checkout/" + sale.offerCode(),
				Map.of("checkout_attempt", expired.document().selectFirst("input[name=checkout_attempt]").attr("value"),
						"coupon", "FOREIGN", "action", "apply"));
		assertThat(foreign.text()).containsAnyOf("This coupon is not for this offer", "This coupon does not exist");
		Map<String, String> pay = card(expired, TestShop.unique("hugo"), SandboxCards.APPROVED);
		pay.put("coupon", "OLD");
		Page refused = browser.post("/checkout/" + sale.offerCode(), pay);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.text()).contains("This coupon expired on");
		assertThat(this.jdbc.sql("SELECT count(*) FROM purchases WHERE buyer_email = ?")
			.param(pay.get("email"))
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void unknownOfferIs404AndAProductNotForSaleIs410() {
		assertThat(browser("en").get("/checkout/zzzzzzzz").status()).isEqualTo(404);
		TestShop.Sale draft = this.shop.sale(this.shop.producer(), Money.of(500, "USD"), Delivery.membersArea(),
				ProductStatus.DRAFT);
		Page gone = browser("en").get("/checkout/" + draft.offerCode());
		assertThat(gone.status()).isEqualTo(410);
		assertThat(gone.text()).contains("not for sale");
	}

	@Test
	void externalProductsMailTheProducersAccessAndMyPurchasesShowsOnlyOwnPurchases() {
		TestShop.Sale sale = this.shop.sale(this.shop.producer(), Money.of(4990, "EUR"),
				Delivery.external("https://school.example/login", "Log in with your e-mail."), ProductStatus.ACTIVE);
		String email = TestShop.unique("ines");
		WebClient browser = browser("it");
		Page form = browser.get("/checkout/" + sale.offerCode());
		browser.submit("/checkout/" + sale.offerCode(), card(form, email, SandboxCards.APPROVED));
		MimeMessage mail = TestMail.awaitNth(email, 1);
		assertThat(MailText.of(mail)).contains("Il produttore ti invierà l'accesso")
			.contains("https://school.example/login")
			.contains("help@bakery.example");

		String stranger = TestShop.unique("luca");
		this.accounts.createActive(EmailAddress.of(stranger), "Luca", TestShop.PASSWORD, Locale.ITALIAN,
				java.util.Set.of(io.atrium.accounts.Role.STUDENT));
		Page theirs = browser("it").logIn(stranger, TestShop.PASSWORD);
		assertThat(theirs.path()).isEqualTo("/purchases");
		assertThat(theirs.document().select(".purchase")).isEmpty();
		assertThat(theirs.text()).contains("Non hai ancora acquisti");
	}

	private String status(String transaction) {
		return this.jdbc.sql("SELECT status FROM purchases WHERE transaction_code = ?")
			.param(transaction)
			.query(String.class)
			.single();
	}

	private WebClient browser(String language) {
		return new WebClient(this.port).language(language);
	}

	static Map<String, String> buyer(Page form, String email) {
		Map<String, String> fields = new HashMap<>();
		fields.put("checkout_attempt", form.document().selectFirst("input[name=checkout_attempt]").attr("value"));
		fields.put("name", "Ana Souza");
		fields.put("email", email);
		fields.put("emailConfirmation", email);
		fields.put("document", "");
		fields.put("coupon", form.document().getElementById("coupon").attr("value"));
		fields.put("action", "pay");
		return fields;
	}

	static Map<String, String> card(Page form, String email, String number) {
		Map<String, String> fields = buyer(form, email);
		fields.put("method", "CARD");
		fields.put("cardNumber", number);
		fields.put("cardHolder", "ANA SOUZA");
		fields.put("cardExpMonth", "12");
		fields.put("cardExpYear", "2099");
		fields.put("cardCvc", "123");
		return fields;
	}

	static Map<String, String> pix(Page form, String email) {
		Map<String, String> fields = buyer(form, email);
		fields.put("method", "PIX");
		return fields;
	}

}
