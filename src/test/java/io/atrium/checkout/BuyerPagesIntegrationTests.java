package io.atrium.checkout;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.Coupons;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.checkout.internal.SandboxCards;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.WebClient;
import io.atrium.support.WebClient.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages a buyer sees, from the offer link to the purchase's result and the sandbox
 * payment page, invite nobody to become a producer; the home and log-in pages still do.
 */
@AtriumIntegrationTest
class BuyerPagesIntegrationTests {

	private static final String START_SELLING = "#atrium-start-selling";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Products products;

	@Autowired
	Offers offers;

	@Autowired
	Coupons coupons;

	@Test
	void buyerPagesShowNoCallToSell() {
		TestShop.Sale sale = new TestShop(this.accounts, this.products, this.offers, this.coupons).sale();
		WebClient buyer = new WebClient(this.port).language("en");
		assertThat(buyer.get("/").document().select(START_SELLING)).hasSize(1);
		assertThat(buyer.get("/login").document().select(START_SELLING)).hasSize(1);

		Page checkout = buyer.get("/checkout/" + sale.offerCode());
		assertThat(checkout.status()).isEqualTo(200);
		assertNoCallToSell(checkout);
		Page declined = buyer.submit("/checkout/" + sale.offerCode(),
				CheckoutIntegrationTests.card(checkout, TestShop.unique("buyer"), SandboxCards.DECLINED));
		assertThat(declined.text()).contains("Your bank declined the card");
		assertNoCallToSell(declined);

		Page pixForm = buyer.get("/checkout/" + sale.offerCode());
		Page pending = buyer.submit("/checkout/" + sale.offerCode(),
				CheckoutIntegrationTests.pix(pixForm, TestShop.unique("buyer")));
		assertThat(pending.path()).startsWith("/checkout/purchases/HP");
		assertNoCallToSell(pending);
		String sandbox = pending.document().getElementById("sandbox-link").attr("href");
		assertNoCallToSell(buyer.get(sandbox));

		Page approvedForm = buyer.get("/checkout/" + sale.offerCode());
		Page approved = buyer.submit("/checkout/" + sale.offerCode(),
				CheckoutIntegrationTests.card(approvedForm, TestShop.unique("buyer"), SandboxCards.APPROVED));
		assertThat(approved.document().getElementById("transaction")).isNotNull();
		assertNoCallToSell(approved);

		assertNoCallToSell(buyer.get("/checkout/NO-SUCH-OFFER"));
	}

	private static void assertNoCallToSell(Page page) {
		assertThat(page.document().select(START_SELLING)).as(page.path()).isEmpty();
		assertThat(page.document().select("a[href$=/signup]")).as(page.path()).isEmpty();
		assertThat(page.text()).as(page.path()).doesNotContain("Start selling");
	}

}
