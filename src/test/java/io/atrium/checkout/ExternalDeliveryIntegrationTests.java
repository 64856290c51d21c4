package io.atrium.checkout;

import java.net.URI;
import java.util.Map;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.Coupons;
import io.atrium.catalog.Delivery;
import io.atrium.catalog.Offers;
import io.atrium.catalog.ProductStatus;
import io.atrium.catalog.Products;
import io.atrium.checkout.internal.SandboxCards;
import io.atrium.shared.Money;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.TestMail;
import io.atrium.support.WebClient;
import io.atrium.support.WebClient.Page;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A buyer of a product the producer delivers in their own members area still gets an
 * Atrium account: the activation link in the purchase e-mail, My purchases with the
 * transaction number, and the refund request; only the club has nothing for them.
 */
@AtriumIntegrationTest
class ExternalDeliveryIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	Products products;

	@Autowired
	Offers offers;

	@Autowired
	Coupons coupons;

	@Test
	void externalBuyerActivatesSeesThePurchaseAndRequestsARefundButHasNoClubContent() {
		TestShop shop = new TestShop(this.accounts, this.products, this.offers, this.coupons);
		TestShop.Sale sale = shop.sale(shop.producer(), Money.of(4990, "EUR"),
				Delivery.external("https://school.example/login", "Log in with your purchase e-mail."),
				ProductStatus.ACTIVE);
		String email = TestShop.unique("external");
		WebClient browser = new WebClient(this.port).language("en");
		Page form = browser.get("/checkout/" + sale.offerCode());
		browser.submit("/checkout/" + sale.offerCode(),
				CheckoutIntegrationTests.card(form, email, SandboxCards.APPROVED));
		String transaction = this.jdbc.sql("SELECT transaction_code FROM purchases WHERE buyer_email = ?")
			.param(email)
			.query(String.class)
			.single();

		MimeMessage mail = TestMail.awaitNth(email, 1);
		assertThat(MailText.of(mail)).contains("The producer will send your access")
			.contains("https://school.example/login")
			.contains("Log in with your purchase e-mail.")
			.contains(transaction)
			.contains("My purchases")
			.contains("/activate/");
		String link = TestMail.link(mail, "/activate/");
		browser.get(link);
		String password = "an external buyer passphrase";
		Page activated = browser.submit(URI.create(link).getPath(),
				Map.of("password", password, "confirmation", password));
		assertThat(activated.path()).isEqualTo("/club");

		Page mine = browser.logIn(email, password);
		assertThat(mine.path()).isEqualTo("/purchases");
		assertThat(mine.document().select(".purchase").text()).contains("Sourdough course")
			.contains(transaction)
			.contains("https://school.example/login");
		Page requested = browser.submit("/purchases/" + transaction + "/refund-request", Map.of());
		assertThat(requested.text()).contains("Your refund request was sent to the producer");
		assertThat(this.jdbc
			.sql("SELECT count(*) FROM purchases WHERE transaction_code = ? AND refund_requested_at IS NOT NULL")
			.param(transaction)
			.query(Integer.class)
			.single()).isOne();

		Page club = browser.get("/club");
		assertThat(club.status()).isEqualTo(200);
		assertThat(club.text()).contains("You are not enrolled in any product yet").doesNotContain("Sourdough course");
	}

}
