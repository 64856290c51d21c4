package io.atrium.catalog;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.shared.EmailAddress;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Browser;
import io.atrium.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer in a real browser creates a product, an offer and a coupon limited to it,
 * and gets both shareable links. Every page passes axe-core.
 */
@AtriumIntegrationTest
@BrowserTest
class CatalogBrowserTests {

	@Autowired
	Accounts accounts;

	@Test
	void producerCreatesAProductWithAnOfferAndACouponAndSeesBothLinks(Browser browser) {
		String email = "catalog-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		String password = "catalog browser password";
		this.accounts.createActive(EmailAddress.of(email), "Clara Catalog", password, Locale.ENGLISH,
				Set.of(Role.PRODUCER));

		// the forms are long: a tall window keeps their submit buttons inside headless
		// Chromium's visible area
		browser.driver().manage().window().setSize(new Dimension(1280, 1600));
		browser.open("/login")
			.fill("E-mail", email)
			.fill("Password", password)
			.click("button[type=submit].btn-primary");
		browser.waitForPath("/business");
		browser.click("My products");
		assertThat(browser.heading()).isEqualTo("Products");
		browser.click("New product");
		browser.select("Status", "Active")
			.fill("Name", "Watercolour Basics")
			.fill("Description", "Paint your first landscape.")
			.check("15 days")
			.check("In the Atrium members area");
		browser.click("Create product");
		assertThat(browser.heading()).isEqualTo("Watercolour Basics");
		assertThat(browser.text()).contains("The product was created", "This product has no offers yet");
		String productPage = browser.path();

		browser.click("New offer");
		browser.select("Currency", "EUR").fill("Name", "Launch price").fill("Price", "97,00");
		browser.click("Create offer");
		assertThat(browser.text()).contains("The offer \"Launch price\" was created", "€97.00", "Single payment");
		String offerCode = browser.driver()
			.findElement(By.cssSelector("tr[data-offer-code]"))
			.getDomAttribute("data-offer-code");
		WebElement offerLink = browser.driver().findElement(By.cssSelector("input[id^=offer-link-]"));
		assertThat(offerLink.getDomProperty("value")).isEqualTo(browser.baseUrl() + "/checkout/" + offerCode);

		browser.click("New coupon");
		browser.fill("Code", "Spring-10").fill("Discount (%)", "10");
		browser.driver().findElement(By.cssSelector("input[name=offerIds]")).click();
		browser.click("Create coupon");
		assertThat(browser.text()).contains("The coupon SPRING-10 was created", "10%", "Launch price", "Valid");
		WebElement couponLink = browser.driver().findElement(By.cssSelector("input[id^=coupon-link-]"));
		assertThat(couponLink.getDomProperty("value"))
			.isEqualTo(browser.baseUrl() + "/checkout/" + offerCode + "?coupon=SPRING-10");
		assertThat(browser.driver().findElement(By.cssSelector("input[id^=offer-link-]")).getDomProperty("value"))
			.isEqualTo(browser.baseUrl() + "/checkout/" + offerCode);
		assertThat(browser.driver().findElement(By.cssSelector("button[data-copy^=coupon-link-]")).isDisplayed())
			.isTrue();

		browser.click("Products");
		assertThat(browser.text()).contains("Watercolour Basics", "Active", "Online course");

		// the same pages on a phone: no sideways scrolling, a one-line header (see
		// Browser)
		browser.phone().open(productPage).open("/business/products");
	}

}
