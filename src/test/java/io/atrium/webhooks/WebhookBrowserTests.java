package io.atrium.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.shared.EmailAddress;
import io.atrium.support.Browser;
import io.atrium.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer in a real browser opens the webhook settings from "Manage my business", adds
 * an endpoint (the secret shown once), sends a test event to a real receiver and finds it
 * delivered in the log with its attempt; every page passes axe-core, also at phone width.
 */
@WebhookIntegrationTest
@BrowserTest
class WebhookBrowserTests {

	@Autowired
	Accounts accounts;

	@Test
	void producerAddsAnEndpointSeesTheSecretOnceSendsATestEventAndFindsItInTheLog(Browser browser) {
		String email = WebhookWorld.unique("browser-producer");
		this.accounts.createActive(EmailAddress.of(email), "Bruna Browser", PageProducer.PASSWORD, Locale.ENGLISH,
				Set.of(Role.PRODUCER));
		try (Receiver receiver = new Receiver()) {
			browser.open("/login").fill("E-mail", email).fill("Password", PageProducer.PASSWORD);
			browser.click("button[type=submit].btn-primary");
			browser.waitForPath("/business");
			browser.click("Webhook settings");
			assertThat(browser.heading()).isEqualTo("Webhooks");
			assertThat(browser.text()).contains("You have no endpoints yet.");
			String hottok = browser.driver().findElement(By.id("hottok")).getDomProperty("value");

			browser.click("#endpoint-add");
			assertThat(browser.heading()).isEqualTo("Add a webhook endpoint");
			browser.fill("endpoint-url", receiver.url()).fill("endpoint-description", "My members area");
			tick(browser, "event-PURCHASE_REFUNDED");
			tick(browser, "event-SUBSCRIPTION_CANCELLATION");
			assertThat(browser.driver().findElement(By.id("event-SUBSCRIPTION_CANCELLATION")).isSelected()).isTrue();
			press(browser, "button[type=submit].btn-primary");
			assertThat(browser.heading()).isEqualTo("Endpoint added");
			String secret = browser.driver().findElement(By.id("signing-secret")).getDomProperty("value");
			assertThat(secret).startsWith("whsec_");
			assertThat(browser.text()).contains("will not be shown again");

			browser.click("Back to webhooks");
			assertThat(browser.text())
				.contains(receiver.url(), "My members area", "Active", "A purchase was paid", "A purchase was refunded",
						"A subscription was cancelled", "All products")
				.doesNotContain(secret);
			browser.select(browser.driver().findElement(By.cssSelector("select[name=event]")).getDomAttribute("id"),
					"PURCHASE_REFUNDED");
			press(browser, "form[action$=test] button[type=submit]");
			browser.waitForPath("/business/webhooks/deliveries");
			assertThat(browser.text()).contains("A test PURCHASE_REFUNDED was sent to " + receiver.url());

			Receiver.Request request = receiver.await(1).get(0);
			assertThat(request.header("x-hotmart-hottok")).isEqualTo(hottok);
			assertThat(StandardWebhooksCheck.verifies(secret, request, Instant.now())).isTrue();
			Instant until = Instant.now().plus(Duration.ofSeconds(20));
			while (!row(browser).contains("Delivered") && Instant.now().isBefore(until)) {
				browser.open("/business/webhooks/deliveries");
			}
			assertThat(row(browser)).contains("A purchase was refunded", "test", "Delivered", "1 attempt",
					"Last answer: 200");

			press(browser, "tr.delivery a.delivery-details");
			assertThat(browser.heading()).isEqualTo("A purchase was refunded");
			assertThat(browser.driver().findElement(By.id("delivery-event-id")).getText())
				.isEqualTo(request.header("webhook-id"));
			assertThat(browser.driver().findElements(By.cssSelector("tr.attempt"))).hasSize(1);
			assertThat(browser.driver().findElement(By.cssSelector("tr.attempt")).getText()).contains("200", "ms",
					"(America/Sao_Paulo)", "answer 200");

			browser.phone();
			browser.open("/business/webhooks");
			browser.open("/business/webhooks/deliveries");
			browser.open("/business/webhooks/new");
		}
	}

	/**
	 * Brings an element into view at once (Bootstrap makes scrolling smooth, and a click
	 * during the animation lands elsewhere), then ticks it.
	 */
	private static void tick(Browser browser, String id) {
		scroll(browser, "#" + id);
		browser.check(id);
	}

	private static String row(Browser browser) {
		return browser.driver().findElement(By.cssSelector("tr.delivery")).getText();
	}

	private static void press(Browser browser, String selector) {
		scroll(browser, selector);
		browser.click(selector);
	}

	private static void scroll(Browser browser, String selector) {
		((JavascriptExecutor) browser.driver()).executeScript(
				"arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});",
				browser.driver().findElement(By.cssSelector(selector)));
	}

}
