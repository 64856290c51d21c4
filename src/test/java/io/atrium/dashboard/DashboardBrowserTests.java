package io.atrium.dashboard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.checkout.Checkout;
import io.atrium.checkout.Refunds;
import io.atrium.shared.Money;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Browser;
import io.atrium.support.BrowserTest;
import io.atrium.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer with a week of real sales opens the dashboard in a real browser: the
 * figures, the drawn chart, the period switch and a figure's link, at desktop and phone
 * width, every page passing axe-core. With {@code ATRIUM_SCREENSHOTS=true} it saves the
 * README's screenshots, {@code docs/images/dashboard-desktop.png} and {@code -phone.png}.
 */
@AtriumIntegrationTest
@BrowserTest
class DashboardBrowserTests {

	static final String CHART_DRAWN = "var c = document.querySelector('canvas[data-chart]');"
			+ "var chart = c && window.Chart && window.Chart.getChart(c);"
			+ "return !!chart && !window.Chart.animator.running(chart);";

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
	TestClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void producerReadsTheWeekAndOpensTheSalesBehindAFigure(Browser browser) throws IOException {
		DashboardShop shop = new DashboardShop(this.accounts, this.products, this.offers, this.checkout);
		DashboardShop.Seller seller = shop.producer("Bianca Baker");
		DashboardShop.Item bread = shop.item(seller, "Sourdough Masterclass", Money.of(19700, "BRL"));
		DashboardShop.Item cakes = shop.item(seller, "Cake Decorating", Money.of(9700, "BRL"));
		String[] buyers = { "Ana Souza", "Bruno Lima", "Carla Dias", "Davi Rocha", "Elisa Prado", "Fábio Reis" };
		int sold = 0;
		for (int day = 6; day >= 0; day--) {
			this.clock.reset();
			this.clock.advance(Duration.ofDays(-day));
			for (int i = 0; i <= (day * 3) % 4; i++) {
				shop.buy((i % 2 == 0) ? bread : cakes, buyers[sold % buyers.length], DashboardShop.APPROVED_CARD);
				sold++;
			}
		}
		this.clock.reset();
		String refunded = shop.buy(cakes, "Gil Torres", DashboardShop.APPROVED_CARD).transaction();
		this.refunds.refund(seller.id(), refunded);

		browser.open("/login").fill("E-mail", seller.email()).fill("Password", DashboardShop.PASSWORD);
		browser.click("button[type=submit].btn-primary");
		browser.waitForPath("/business");
		assertThat(browser.heading()).isEqualTo("Welcome, Bianca Baker");
		assertThat(text(browser, "#figure-sales .dashboard-figure")).isEqualTo(String.valueOf(sold));
		assertThat(text(browser, "#figure-refunds .dashboard-figure")).isEqualTo("1");
		assertThat(text(browser, "#dashboard-best")).contains("Sourdough Masterclass", "Cake Decorating");
		WebElement canvas = browser.driver().findElement(By.cssSelector("#dashboard-chart-BRL canvas[role=img]"));
		assertThat(canvas.getDomAttribute("aria-label")).contains(sold + " paid sales");
		waitForChart(browser);
		assertThat(canvas.getSize().getHeight()).isGreaterThan(100);
		screenshot(browser, "dashboard-desktop");

		browser.click("Today");
		assertThat(browser.driver().findElement(By.cssSelector("#dashboard-periods [aria-current=page]")).getText())
			.isEqualTo("Today");
		waitForChart(browser);
		browser.click("#figure-refunds a");
		assertThat(browser.heading()).isEqualTo("Sales");
		assertThat(browser.text()).contains(refunded, "Sales (1)");

		browser.phone();
		browser.open("/business");
		assertThat(browser.heading()).isEqualTo("Welcome, Bianca Baker");
		waitForChart(browser);
		browser.assertNoHorizontalOverflow();
		screenshot(browser, "dashboard-phone");
	}

	@Test
	void aNewProducerIsToldWhatToDo(Browser browser) {
		DashboardShop shop = new DashboardShop(this.accounts, this.products, this.offers, this.checkout);
		DashboardShop.Seller seller = shop.producer("Nadia Novice");
		browser.open("/login").fill("E-mail", seller.email()).fill("Password", DashboardShop.PASSWORD);
		browser.click("button[type=submit].btn-primary");
		browser.waitForPath("/business");
		assertThat(browser.text()).contains("No paid sales in this period.", "What to do next", "0 of 7 done");
		browser.click("Create a product");
		assertThat(browser.path()).isEqualTo("/business/products");
		browser.phone();
		browser.open("/business");
		browser.assertNoHorizontalOverflow();
	}

	private static String text(Browser browser, String css) {
		return browser.driver().findElement(By.cssSelector(css)).getText().replace('\u00a0', ' ');
	}

	private static void waitForChart(Browser browser) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
			.until((d) -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(CHART_DRAWN)));
	}

	/** Saves the whole page as docs/images/NAME.png when ATRIUM_SCREENSHOTS=true. */
	private static void screenshot(Browser browser, String name) throws IOException {
		if (!"true".equals(System.getenv("ATRIUM_SCREENSHOTS"))) {
			return;
		}
		HasCdp cdp = (HasCdp) browser.driver();
		Object height = ((JavascriptExecutor) browser.driver())
			.executeScript("return document.documentElement.scrollHeight;");
		Object width = ((JavascriptExecutor) browser.driver())
			.executeScript("return document.documentElement.clientWidth;");
		Map<String, Object> shot = cdp.executeCdpCommand("Page.captureScreenshot",
				Map.of("format", "png", "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width",
						((Number) width).doubleValue(), "height", ((Number) height).doubleValue(), "scale", 1)));
		Path file = Path.of("docs", "images", name + ".png");
		Files.createDirectories(file.getParent());
		Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
	}

}
