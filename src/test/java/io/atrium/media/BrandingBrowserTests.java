package io.atrium.media;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Product;
import io.atrium.catalog.Products;
import io.atrium.club.content.ClubContent;
import io.atrium.shared.EmailAddress;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Browser;
import io.atrium.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer sets a logo and a brand colour on the branding page; the checkout page their
 * buyers see then shows the logo and the colour, on a desktop and on a phone. Every page
 * passes axe-core.
 */
@AtriumIntegrationTest
@BrowserTest
class BrandingBrowserTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Products products;

	@Autowired
	Offers offers;

	@Autowired
	ClubContent content;

	@Test
	void aProducersLogoAndColourShowOnTheirBuyersCheckout(Browser browser) throws Exception {
		String email = "brand-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		String password = "branding browser password";
		long producer = this.accounts
			.createActive(EmailAddress.of(email), "Gina Glass", password, Locale.ENGLISH, Set.of(Role.PRODUCER))
			.id()
			.value();
		MediaShop shop = new MediaShop(0, this.accounts, this.products, this.offers, this.content);
		MediaShop.Producer gina = new MediaShop.Producer(producer, email, null);
		Product product = shop.product(gina, "Glass blowing");
		String offer = shop.offer(gina, product);
		Path logo = Files.createTempFile("logo", ".png");
		Files.write(logo, TestImages.png(600, 200, new Color(0, 90, 60)));

		browser.driver().manage().window().setSize(new Dimension(1280, 1600));
		browser.open("/login")
			.fill("E-mail", email)
			.fill("Password", password)
			.click("button[type=submit].btn-primary");
		browser.waitForPath("/business");
		browser.click("a[href='/business/branding']");
		assertThat(browser.heading()).isEqualTo("Your brand");
		browser.fill("Brand name", "Gina Glassworks").fill("brand-color", "#00796b");
		browser.driver().findElement(By.id("brand-logo")).sendKeys(logo.toAbsolutePath().toString());
		// the preview follows the colour as it is typed
		assertThat(browser.driver()
			.findElement(By.cssSelector("#brand-preview .media-preview-button"))
			.getCssValue("background-color")).isEqualTo("rgba(0, 121, 107, 1)");
		browser.click("Save brand");
		assertThat(browser.text()).contains("Your brand is saved.");
		assertThat(browser.driver().findElement(By.id("brand-logo-current")).isDisplayed()).isTrue();

		browser.driver().manage().deleteAllCookies();
		browser.desktop().open("/checkout/" + offer);
		assertBranded(browser);
		browser.phone().open("/checkout/" + offer);
		assertBranded(browser);
	}

	private static void assertBranded(Browser browser) {
		WebElement logo = browser.driver().findElement(By.cssSelector("header img.atrium-brand-logo"));
		assertThat(logo.isDisplayed()).isTrue();
		assertThat(logo.getAttribute("alt")).isEqualTo("Gina Glassworks");
		Object loaded = ((JavascriptExecutor) browser.driver())
			.executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0;", logo);
		assertThat(loaded).isEqualTo(true);
		assertThat(logo.getSize().getHeight()).isLessThanOrEqualTo(40);
		WebElement pay = browser.driver().findElement(By.cssSelector("main .btn-primary"));
		assertThat(pay.getCssValue("background-color")).isEqualTo("rgba(0, 121, 107, 1)");
		assertThat(pay.getCssValue("color")).isEqualTo("rgba(255, 255, 255, 1)");
		// no favicon uploaded: only Atrium's own mark, never a producer's
		assertThat(browser.driver().findElements(By.cssSelector("link[rel=icon][href*='/media/']"))).isEmpty();
	}

}
