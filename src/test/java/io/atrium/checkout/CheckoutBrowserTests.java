package io.atrium.checkout;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.Coupons;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.checkout.internal.SandboxCards;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Browser;
import io.atrium.support.BrowserTest;
import io.atrium.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A buyer in a real browser, in each language: from the offer link (with a coupon)
 * through a declined card to an approved purchase and its e-mail. Every page passes
 * axe-core.
 */
@AtriumIntegrationTest
@BrowserTest
class CheckoutBrowserTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Products products;

	@Autowired
	Offers offers;

	@Autowired
	Coupons coupons;

	@Test
	void english(Browser browser) {
		journey(browser, "en", "Your bank declined the card", "Approved", "Your purchase of Sourdough course");
	}

	@Test
	void brazilianPortuguese(Browser browser) {
		journey(browser, "pt-BR", "Seu banco recusou o cartão", "Aprovada", "Sua compra de Sourdough course");
	}

	@Test
	void spanish(Browser browser) {
		journey(browser, "es", "Tu banco rechazó la tarjeta", "Aprobada", "Tu compra de Sourdough course");
	}

	@Test
	void italian(Browser browser) {
		journey(browser, "it", "La tua banca ha rifiutato la carta", "Approvato",
				"Il tuo acquisto di Sourdough course");
	}

	@Test
	void theCheckoutFitsAPhone(Browser browser) {
		TestShop.Sale sale = new TestShop(this.accounts, this.products, this.offers, this.coupons).sale();
		// no sideways scrolling and a one-line header (checked on every page, see
		// Browser)
		browser.phone().open("/checkout/" + sale.offerCode());
		WebElement toggle = browser.driver().findElement(By.id("atrium-menu-toggle"));
		assertThat(toggle.isDisplayed()).isTrue();
		assertThat(browser.driver().findElement(By.id("atrium-menu")).isDisplayed()).isFalse();
		assertThat(browser.text()).doesNotContain("Start selling");
		String email = TestShop.unique("phone");
		browser.fill("name", "Ana Souza")
			.fill("email", email)
			.fill("emailConfirmation", email)
			.fill("cardNumber", SandboxCards.APPROVED)
			.fill("cardHolder", "ANA SOUZA")
			.fill("cardExpiry", "12/99")
			.fill("cardCvc", "123");
		pay(browser);
		browser.waitFor("#transaction");
		toggle = browser.driver().findElement(By.id("atrium-menu-toggle"));
		toggle.click();
		assertThat(browser.driver().findElement(By.id("atrium-menu")).isDisplayed()).isTrue();
		assertThat(browser.driver().findElement(By.id("atrium-menu")).getText()).contains("Log in")
			.doesNotContain("Start selling");
	}

	private static void pay(Browser browser) {
		// the button is below the fold on the test window: bring it into view first
		((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
				"arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
				browser.driver().findElement(org.openqa.selenium.By.id("pay")));
		browser.click("#pay");
	}

	private void journey(Browser browser, String language, String declined, String approved, String subject) {
		TestShop shop = new TestShop(this.accounts, this.products, this.offers, this.coupons);
		TestShop.Sale sale = shop.sale();
		shop.coupon(sale, "WELCOME10", "0.1", null, null);
		String email = TestShop.unique("browser-" + language.toLowerCase());

		browser.open("/checkout/" + sale.offerCode() + "?coupon=WELCOME10&lang=" + language);
		assertThat(browser.lang()).isEqualTo(language);
		// a buyer is not invited to become a producer here
		assertThat(browser.driver().findElements(By.id("atrium-start-selling"))).isEmpty();
		assertThat(browser.heading()).isEqualTo("Sourdough course");
		assertThat(browser.text()).contains("WELCOME10").contains("90");

		browser.fill("name", "Ana Souza")
			.fill("email", email)
			.fill("emailConfirmation", email)
			.fill("cardNumber", SandboxCards.DECLINED)
			.fill("cardHolder", "ANA SOUZA")
			.fill("cardExpiry", "12/99")
			.fill("cardCvc", "123");
		pay(browser);
		assertThat(browser.text()).contains(declined);

		browser.fill("cardNumber", SandboxCards.APPROVED)
			.fill("cardHolder", "ANA SOUZA")
			.fill("cardExpiry", "12/99")
			.fill("cardCvc", "123");
		pay(browser);
		browser.waitFor("#transaction");
		assertThat(browser.path()).startsWith("/checkout/purchases/HP");
		String transaction = browser.driver().findElement(org.openqa.selenium.By.id("transaction")).getText();
		assertThat(browser.text()).contains(approved);
		assertThat(browser.driver().findElements(By.id("atrium-start-selling"))).isEmpty();

		MimeMessage mail = TestMail.awaitNth(email, 1);
		assertThat(TestMail.subject(mail)).contains(subject).contains(transaction);
		assertThat(MailText.of(mail)).contains(transaction);
		browser.open(TestMail.link(mail, "/activate/"));
		assertThat(browser.lang()).isEqualTo(language);
	}

}
