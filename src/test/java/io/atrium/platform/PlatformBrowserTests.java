package io.atrium.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Browser;
import io.atrium.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The shared layout as a person uses it: switching language, the keyboard, a phone. Every
 * page visited also passes axe-core (see {@link Browser}).
 */
@AtriumIntegrationTest
@BrowserTest
class PlatformBrowserTests {

	@Test
	void languageSwitcherChangesThePageLanguage(Browser browser) throws IOException {
		browser.open("/");
		assertThat(browser.lang()).isEqualTo("en");
		assertThat(browser.heading()).isEqualTo(common("").getProperty("home.heading"));
		String current = "";
		for (String[] language : new String[][] { { "pt-BR", "_pt_BR" }, { "es", "_es" }, { "it", "_it" },
				{ "en", "" } }) {
			browser.select("atrium-lang", language[0]).click(common(current).getProperty("layout.language.apply"));
			assertThat(browser.lang()).isEqualTo(language[0]);
			assertThat(browser.heading()).isEqualTo(common(language[1]).getProperty("home.heading"));
			current = language[1];
		}
	}

	@Test
	void chosenLanguageStaysOnTheNextPage(Browser browser) throws IOException {
		browser.open("/").select("atrium-lang", "Español").click("Change");
		browser.open("/login");
		assertThat(browser.lang()).isEqualTo("es");
		assertThat(browser.heading()).isEqualTo("Iniciar sesión");
	}

	@Test
	void firstTabReachesAVisibleSkipLink(Browser browser) throws IOException {
		browser.open("/");
		WebElement skip = browser.tab();
		assertThat(skip.getText()).isEqualTo(common("").getProperty("layout.skip"));
		assertThat(skip.getDomAttribute("href")).isEqualTo("#main");
		assertThat(skip.isDisplayed()).isTrue();
		assertThat(browser.hasVisibleFocus(skip)).as("the skip link shows its focus").isTrue();
		skip.sendKeys(Keys.ENTER);
		assertThat(browser.focused().getDomAttribute("id")).isEqualTo("main");
	}

	@Test
	void onAPhoneTheHeaderIsOneLineWithAMenuButton(Browser browser) {
		browser.phone().open("/");
		WebElement toggle = browser.driver().findElement(By.id("atrium-menu-toggle"));
		WebElement menu = browser.driver().findElement(By.id("atrium-menu"));
		assertThat(toggle.isDisplayed()).isTrue();
		assertThat(toggle.getAccessibleName()).isEqualTo("Menu");
		assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("false");
		assertThat(menu.isDisplayed()).isFalse();
		toggle.click();
		assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("true");
		assertThat(menu.isDisplayed()).isTrue();
		assertThat(menu.getText()).contains("Log in", "Start selling");
		menu.findElement(By.linkText("Log in")).click();
		browser.waitForPath("/login");
		browser.checkPage();

		browser.desktop().open("/");
		assertThat(browser.driver().findElement(By.id("atrium-menu-toggle")).isDisplayed()).isFalse();
		assertThat(browser.driver().findElement(By.id("atrium-menu")).isDisplayed()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/login" })
	void pagesFitAPhone(String path, Browser browser) throws Exception {
		assumeTrue(status(browser.baseUrl() + path) != 404, path + " does not exist yet");
		browser.phone().open(path);
		browser.assertNoHorizontalOverflow();
	}

	private static int status(String url) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	private static Properties common(String suffix) throws IOException {
		Properties messages = new Properties();
		try (InputStream in = PlatformBrowserTests.class
			.getResourceAsStream("/messages/common" + suffix + ".properties")) {
			messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return messages;
	}

}
