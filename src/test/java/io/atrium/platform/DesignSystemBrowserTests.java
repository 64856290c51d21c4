package io.atrium.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.catalog.Delivery;
import io.atrium.catalog.ImageChange;
import io.atrium.catalog.ProductDetails;
import io.atrium.catalog.ProductFormat;
import io.atrium.catalog.ProductStatus;
import io.atrium.catalog.Products;
import io.atrium.shared.EmailAddress;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Browser;
import io.atrium.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The design system in a real browser, at 1280 and 390 px: the components page renders
 * every component, every control a keyboard reaches shows its focus ring, the phone
 * header is one line whose menu button opens the navigation (with the producer's
 * sections), and producer pages show the section navigation and their tab bar with the
 * current tab marked. Every page also passes axe-core (see {@link Browser}). With
 * {@code ATRIUM_SCREENSHOTS=
 *
<dir>
 * } in the environment the pages are also saved as full-page PNGs there, for a person to
 * look at.
 */
@AtriumIntegrationTest
@BrowserTest
class DesignSystemBrowserTests {

	private static final String PASSWORD = "design system password";

	@Autowired
	Accounts accounts;

	@Autowired
	Products products;

	@Test
	void theComponentsPageRendersEveryComponentOnADesktopAndAPhone(Browser browser) {
		for (String width : List.of("1280", "390")) {
			if (width.equals("390")) {
				browser.phone();
			}
			browser.open("/design-system");
			assertThat(browser.heading()).isEqualTo("Design system");
			assertThat(visible(browser, "#ds-swatches li")).hasSize(11);
			assertThat(visible(browser, ".atrium-type-sample")).hasSize(8);
			assertThat(visible(browser, "#ds-buttons .btn")).hasSize(8);
			assertThat(visible(browser, "#ds-form .form-control, #ds-form .form-select, #ds-form .form-check-input"))
				.hasSize(5);
			assertThat(visible(browser, "form#ds-filters[role=search] button[type=submit]")).hasSize(1);
			assertThat(visible(browser, "#ds-alerts .alert")).hasSize(4);
			assertThat(visible(browser, "#ds-badges .badge")).hasSize(5);
			assertThat(visible(browser, "#ds-table table caption")).hasSize(1);
			assertThat(visible(browser, "#ds-stats .atrium-stat .atrium-stat-value")).hasSize(4);
			assertThat(visible(browser, "#ds-cards .atrium-card a.atrium-card-link")).hasSize(3);
			assertThat(visible(browser, "#ds-empty .atrium-empty a.btn-primary")).hasSize(1);
			assertThat(visible(browser, ".atrium-page-header h1")).hasSize(1);
			List<WebElement> current = visible(browser, "nav.atrium-tabs a[aria-current=page]");
			assertThat(current).hasSize(1);
			assertThat(current.get(0).getText()).isEqualTo("Overview");
			assertThat(browser.driver().findElement(By.cssSelector("meta[name=robots]")).getDomAttribute("content"))
				.isEqualTo("noindex");
			screenshot(browser, "design-system-" + width);
		}
		browser.desktop().open("/design-system?tab=tokens");
		assertThat(browser.driver().findElement(By.cssSelector("nav.atrium-tabs a[aria-current=page]")).getText())
			.isEqualTo("Tokens");
		assertThat(browser.driver().findElements(By.id("ds-buttons"))).isEmpty();
		assertThat(visible(browser, "#ds-swatches li")).hasSize(11);
	}

	@Test
	void theComponentsPageIsLocalized(Browser browser) {
		browser.open("/design-system?lang=pt-BR");
		assertThat(browser.lang()).isEqualTo("pt-BR");
		assertThat(browser.text()).contains("Paleta", "Escala tipográfica", "Botões", "Estado vazio");
	}

	@Test
	void everyControlAKeyboardReachesShowsItsFocusRing(Browser browser) {
		browser.open("/design-system");
		Set<String> kinds = new LinkedHashSet<>();
		WebElement first = null;
		// a date field takes several Tabs (day, month, year): stop at the page's end, or
		// when the focus comes round to the first control again
		for (int i = 0; i < 200; i++) {
			WebElement focused = browser.tab();
			if (focused.getTagName().equals("body") || focused.equals(first)) {
				break;
			}
			first = (first != null) ? first : focused;
			String kind = focused.getTagName()
					+ ((focused.getDomAttribute("type") != null) ? "[" + focused.getDomAttribute("type") + "]" : "");
			assertThat(showsFocusRing(browser, focused)).as("focus ring on %s %s", kind, focused.getText()).isTrue();
			kinds.add(kind);
		}
		assertThat(kinds).contains("a", "button[button]", "button[submit]", "input[search]", "input[checkbox]",
				"select", "input[date]");
	}

	@Test
	void onAPhoneTheHeaderIsOneLineAndItsMenuHoldsTheProducersSections(Browser browser) {
		logIn(browser, producer());
		browser.phone().open("/business/subscriptions");
		WebElement header = browser.driver().findElement(By.cssSelector("body > header"));
		WebElement brand = browser.driver().findElement(By.cssSelector("header .atrium-brand"));
		WebElement toggle = browser.driver().findElement(By.id("atrium-menu-toggle"));
		WebElement menu = browser.driver().findElement(By.id("atrium-menu"));
		assertThat(header.getRect().getHeight()).as("one line").isLessThan(80);
		assertThat(Math.abs(center(brand) - center(toggle))).as("brand and menu button on one line").isLessThan(8);
		assertThat(toggle.isDisplayed()).isTrue();
		assertThat(menu.isDisplayed()).isFalse();
		assertThat(browser.driver().findElement(By.id("atrium-sections")).isDisplayed()).isFalse();
		screenshot(browser, "subscriptions-390");

		toggle.click();
		assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("true");
		assertThat(menu.isDisplayed()).isTrue();
		assertThat(menu.getText()).contains("Dashboard", "Products", "Sales", "Subscriptions", "Members areas",
				"Webhooks", "Developer API", "Settings", "Log out");
		WebElement section = menu.findElement(By.cssSelector(".atrium-menu-sections a[aria-current=page]"));
		assertThat(section.getText()).isEqualTo("Subscriptions");
		screenshot(browser, "menu-open-390");
		menu.findElement(By.linkText("Webhooks")).click();
		browser.waitForPath("/business/webhooks");
		browser.checkPage();
		assertThat(currentTab(browser)).isEqualTo("Endpoints");
	}

	@Test
	void producerPagesShowTheSectionsAndTheirTabBarWithTheCurrentTabMarked(Browser browser) {
		Producer producer = producer();
		long productId = this.products
			.create(producer.id(),
					new ProductDetails("Sourdough Masterclass", "A course.", "help@example.com",
							ProductFormat.ONLINE_COURSE, ProductStatus.ACTIVE, 7, Delivery.membersArea()),
					ImageChange.keep())
			.id();
		logIn(browser, producer);
		for (String width : List.of("1280", "390")) {
			if (width.equals("390")) {
				browser.phone();
			}
			browser.open("/business/subscriptions");
			assertThat(currentTab(browser)).isEqualTo("Subscribers");
			assertThat(visible(browser, ".atrium-empty")).hasSize(1);
			assertThat(visible(browser, "form#subscription-filters[role=search]")).hasSize(1);
			screenshot(browser, "subscriptions-" + width);

			browser.open("/business/webhooks/deliveries");
			assertThat(currentTab(browser)).isEqualTo("Delivery log");
			assertThat(browser.driver().findElement(By.cssSelector("#log-empty .atrium-empty")).getText())
				.contains("No deliveries match these filters.");

			browser.open("/business/products/" + productId + "/club");
			assertThat(currentTab(browser)).isEqualTo("Content");
			screenshot(browser, "members-area-" + width);
			browser.open("/business/products/" + productId + "/club/students");
			assertThat(currentTab(browser)).isEqualTo("Students");
			screenshot(browser, "students-" + width);

			browser.open("/business");
			screenshot(browser, "business-" + width);
			browser.open("/business/sales");
			assertThat(visible(browser, "form#sales-filters[role=search] #sales-csv")).hasSize(1);
			screenshot(browser, "sales-" + width);
		}
		browser.desktop().open("/business/products/" + productId + "/club/students");
		List<WebElement> sections = visible(browser, "#atrium-sections a");
		assertThat(sections).extracting(WebElement::getText)
			.containsExactly("Dashboard", "Products", "Sales", "Subscriptions", "Members areas", "Refunds", "Webhooks",
					"Developer API", "Settings");
		assertThat(browser.driver().findElement(By.cssSelector("#atrium-sections a[aria-current]")).getText())
			.isEqualTo("Members areas");
		assertThat(browser.driver().findElement(By.id("atrium-menu-toggle")).isDisplayed()).isFalse();

		browser.open("/business/sales");
		assertThat(browser.driver().findElement(By.cssSelector("#atrium-sections a[aria-current=page]")).getText())
			.isEqualTo("Sales");
	}

	@Test
	void anEmptyListSaysWhatToDoNext(Browser browser) {
		logIn(browser, producer());
		browser.open("/business/products");
		WebElement empty = browser.driver().findElement(By.cssSelector(".atrium-empty"));
		assertThat(empty.getText()).contains("You have no products yet.", "add an offer with a price");
		empty.findElement(By.linkText("New product")).click();
		browser.waitForPath("/business/products/new");
	}

	@Test
	void theHomePageFitsBothWidths(Browser browser) {
		browser.open("/");
		screenshot(browser, "home-1280");
		browser.phone().open("/");
		screenshot(browser, "home-390");
		browser.assertNoHorizontalOverflow();
	}

	/**
	 * Whether the focused element draws a ring: a computed outline or box shadow. (A date
	 * field's focus sits on its day, month or year inside, so it is not
	 * {@code :focus-visible} itself, but it shows the ring all the same.)
	 */
	private static boolean showsFocusRing(Browser browser, WebElement element) {
		return Boolean.TRUE.equals(((ChromeDriver) browser.driver()).executeScript(
				"""
						const e = arguments[0];
						const style = getComputedStyle(e);
						const box = e.getBoundingClientRect();
						const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
						const shadow = style.boxShadow && style.boxShadow !== 'none';
						return (e.matches(':focus') || e.matches(':focus-within')) && box.width > 1 && box.height > 1 && (outline || shadow);
						""",
				element));
	}

	private static String currentTab(Browser browser) {
		List<WebElement> current = visible(browser, "main nav.atrium-tabs a[aria-current=page]");
		assertThat(current).as("one current tab").hasSize(1);
		return current.get(0).getText();
	}

	private static List<WebElement> visible(Browser browser, String css) {
		return browser.driver().findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).toList();
	}

	private static int center(WebElement element) {
		return element.getRect().getY() + element.getRect().getHeight() / 2;
	}

	private Producer producer() {
		String email = "design-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		long id = this.accounts
			.createActive(EmailAddress.of(email), "Paula Producer", PASSWORD, Locale.ENGLISH, Set.of(Role.PRODUCER))
			.id()
			.value();
		return new Producer(id, email);
	}

	private static void logIn(Browser browser, Producer producer) {
		browser.open("/login")
			.fill("E-mail", producer.email())
			.fill("Password", PASSWORD)
			.click("button[type=submit].btn-primary");
		browser.waitForPath("/business");
	}

	/** A full-page PNG when ATRIUM_SCREENSHOTS names a directory; nothing otherwise. */
	@SuppressWarnings("unchecked")
	private static void screenshot(Browser browser, String name) {
		String directory = System.getenv("ATRIUM_SCREENSHOTS");
		if (directory == null || directory.isBlank()) {
			return;
		}
		ChromeDriver chrome = (ChromeDriver) browser.driver();
		Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
		Map<String, Number> size = (Map<String, Number>) metrics.get("cssContentSize");
		Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot",
				Map.of("captureBeyondViewport", true, "clip",
						Map.of("x", 0, "y", 0, "width", size.get("width"), "height", size.get("height"), "scale", 1)));
		try {
			Files.createDirectories(Path.of(directory));
			Files.write(Path.of(directory, name + ".png"), Base64.getDecoder().decode((String) shot.get("data")));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Producer(long id, String email) {
	}

}
