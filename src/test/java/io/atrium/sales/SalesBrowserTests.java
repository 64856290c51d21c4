package io.atrium.sales;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.Coupons;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.checkout.Checkout;
import io.atrium.checkout.Purchase;
import io.atrium.shared.Money;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Browser;
import io.atrium.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer in a real browser opens the sales page from "Manage my business", filters by
 * buyer, sees the chart and downloads the CSV of the filtered sales. Every page passes
 * axe-core, also at phone width.
 */
@AtriumIntegrationTest
@BrowserTest
class SalesBrowserTests {

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

	@Test
	void producerFiltersSalesSeesTheChartAndDownloadsTheCsv(Browser browser) throws Exception {
		SalesShop shop = new SalesShop(this.accounts, this.products, this.offers, this.coupons, this.checkout);
		SalesShop.Seller seller = shop.producer("Bianca Browser");
		SalesShop.Item item = shop.item(seller, "Pottery course", Money.of(15000, "BRL"));
		Purchase ana = shop.buy(item, "Ana Souza", SalesShop.APPROVED_CARD);
		Purchase bruno = shop.buy(item, "Bruno Lima", SalesShop.APPROVED_CARD);

		browser.open("/login").fill("E-mail", seller.email()).fill("Password", SalesShop.PASSWORD);
		browser.click("button[type=submit].btn-primary");
		browser.waitForPath("/business");
		browser.click("My sales");
		assertThat(browser.heading()).isEqualTo("Sales");
		assertThat(browser.text()).contains(ana.transaction(), bruno.transaction(), "2 sales");

		browser.fill("Buyer", "souza");
		browser.click("button[type=submit].btn-primary");
		browser.waitForText("Sales (1)");
		assertThat(browser.text()).contains(ana.transaction()).doesNotContain(bruno.transaction());
		WebElement chart = browser.driver().findElement(By.cssSelector("#sales-chart svg[role=img]"));
		assertThat(chart.isDisplayed()).isTrue();
		assertThat(browser.driver().findElements(By.cssSelector("#sales-chart rect.sales-bar"))).hasSize(30);

		String csvUrl = browser.driver().findElement(By.id("sales-csv")).getDomProperty("href");
		assertThat(csvUrl).contains("buyer=souza");
		String cookies = browser.driver()
			.manage()
			.getCookies()
			.stream()
			.map((c) -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
		HttpResponse<String> csv = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(csvUrl)).header("Cookie", cookies).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(csv.statusCode()).isEqualTo(200);
		List<List<String>> rows = SalesPagesIntegrationTests.parse(csv.body());
		assertThat(rows).hasSize(2);
		assertThat(rows.get(1).get(0)).isEqualTo(ana.transaction());

		browser.phone();
		browser.open("/business/sales");
		assertThat(browser.heading()).isEqualTo("Sales");
		browser.assertNoHorizontalOverflow();
	}

}
