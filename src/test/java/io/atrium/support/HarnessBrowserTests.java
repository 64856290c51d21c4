package io.atrium.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The browser harness catches what it promises to catch, on small pages made here.
 */
@AtriumIntegrationTest
@BrowserTest
class HarnessBrowserTests {

	private static final String HEAD = "<!DOCTYPE html><html lang=\"en\"><head><title>t</title>"
			+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body><main>";

	@Test
	void seriousAccessibilityViolationsFailThePage(Browser browser) {
		show(browser, "<h1>Form</h1><p style=\"color:#bbb\">Pale text</p><input type=\"text\">");
		assertThatThrownBy(browser::checkPage).isInstanceOf(AssertionError.class)
			.hasMessageContaining("color-contrast (serious)")
			.hasMessageContaining("label (critical)");
	}

	@Test
	void axeCoreIsACurrentRelease(Browser browser) {
		show(browser, "<h1>Version</h1>");
		String[] version = AccessibilityCheck.version((JavascriptExecutor) browser.driver()).split("\\.");
		assertThat(Integer.parseInt(version[0]) * 1000 + Integer.parseInt(version[1])).as("axe-core 4.10 or newer")
			.isGreaterThanOrEqualTo(4010);
	}

	@Test
	void consoleErrorsFailThePage(Browser browser) {
		show(browser, "<h1>Script</h1><script>throw new Error('boom in the page')</script>");
		assertThatThrownBy(browser::checkPage).isInstanceOf(AssertionError.class)
			.hasMessageContaining("boom in the page");
	}

	@Test
	void sidewaysOverflowFailsAtPhoneWidth(Browser browser) {
		String page = "<h1>Wide</h1><div id=\"wide\" style=\"width:600px\">wide</div>";
		show(browser, page);
		browser.checkPage();
		browser.phone();
		show(browser, page);
		assertThatThrownBy(browser::checkPage).isInstanceOf(AssertionError.class)
			.hasMessageContaining("horizontal overflow")
			.hasMessageContaining("div#wide");
	}

	@Test
	void aHeaderTallerThanFifteenPercentOfTheViewportFailsThePage(Browser browser) {
		String page = "<h1>Header</h1>";
		browser.driver()
			.get("data:text/html;charset=utf-8," + URLEncoder
				.encode("<!DOCTYPE html><html lang=\"en\"><head><title>t</title><meta name=\"viewport\" "
						+ "content=\"width=device-width, initial-scale=1\"></head><body><header style=\"height:"
						+ "300px\">Brand</header><main>" + page + "</main></body></html>", StandardCharsets.UTF_8)
				.replace("+", "%20"));
		assertThatThrownBy(browser::checkPage).isInstanceOf(AssertionError.class).hasMessageContaining("tall header");
	}

	@Test
	void fieldsAreFoundByLabelAndButtonsByText(Browser browser) {
		show(browser,
				"<h1>Form</h1><form><label for=\"e\">E-mail address *</label><input id=\"e\">"
						+ "<label><input type=\"checkbox\" id=\"c\"> I agree</label>"
						+ "<button type=\"button\" id=\"b\">Go on</button></form>");
		browser.fill("E-mail address", "ana@example.com").check("I agree").click("Go on");
		assertThat(browser.driver().findElement(By.id("e")).getDomProperty("value")).isEqualTo("ana@example.com");
		assertThat(browser.driver().findElement(By.id("c")).isSelected()).isTrue();
		assertThatThrownBy(() -> browser.fill("Nope", "x")).hasMessageContaining("E-mail address");
	}

	@Test
	void screenshotAndHtmlAreSaved(Browser browser, @TempDir Path directory) throws Exception {
		show(browser, "<h1>Saved</h1>");
		Path png = browser.save(directory, "Some-test");
		assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
		assertThat(Files.readString(directory.resolve("Some-test.html"))).contains("<h1>Saved</h1>");
	}

	private static void show(Browser browser, String body) {
		browser.driver()
			.get("data:text/html;charset=utf-8,"
					+ URLEncoder.encode(HEAD + body + "</main></body></html>", StandardCharsets.UTF_8)
						.replace("+", "%20"));
	}

}
