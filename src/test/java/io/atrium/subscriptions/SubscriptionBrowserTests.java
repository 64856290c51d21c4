package io.atrium.subscriptions;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.BillingPeriod;
import io.atrium.catalog.Offer;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.checkout.Checkout;
import io.atrium.shared.Money;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Browser;
import io.atrium.support.BrowserTest;
import io.atrium.support.Eventually;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real browser: a buyer buys a plan at checkout, finds it in My subscriptions,
 * cancels it (told until when access continues) and reactivates it; a producer opens the
 * subscription from their list, changes its due day and previews a plan switch, and looks
 * at the numbers and the payment-retry settings. Every page passes axe-core (checked on
 * each page the browser opens, see {@link Browser}), also at phone width.
 */
@AtriumIntegrationTest
@BrowserTest
class SubscriptionBrowserTests {

	@Autowired
	Accounts accounts;

	@Autowired
	Products products;

	@Autowired
	Offers offers;

	@Autowired
	Checkout checkout;

	@Autowired
	Subscriptions subscriptions;

	SubscriptionShop shop;

	@BeforeEach
	void shop() {
		this.shop = new SubscriptionShop(this.accounts, this.products, this.offers, this.checkout, this.subscriptions);
	}

	@Test
	void buyerSubscribesAtCheckoutThenCancelsAndReactivatesFromMySubscriptions(Browser browser) {
		SubscriptionShop.Person producer = this.shop.producer("Paula");
		Offer plan = this.shop.plan(producer, this.shop.product(producer, "Sourdough club"), "Monthly",
				Money.of(4990, "BRL"), BillingPeriod.MONTHLY, 0);
		SubscriptionShop.Person buyer = this.shop.buyer("Ana Souza");
		logIn(browser, buyer);

		browser.open("/checkout/" + plan.code());
		browser.fill("name", buyer.name())
			.fill("email", buyer.email())
			.fill("emailConfirmation", buyer.email())
			.fill("cardNumber", SubscriptionShop.APPROVED_CARD)
			.fill("cardHolder", "ANA SOUZA")
			.fill("cardExpiry", "12/99")
			.fill("cardCvc", "123");
		click(browser, "#pay");
		browser.waitFor("#transaction");
		assertThat(browser.text()).contains("Approved", "This is a subscription");
		Eventually.until("the subscription starts", () -> !this.subscriptions.ofBuyer(buyer.id()).isEmpty());

		click(browser, "#subscription-note a");
		assertThat(browser.heading()).isEqualTo("My subscriptions");
		assertThat(browser.text()).contains("Sourdough club", "Monthly", "Active and paid up", "(America/Sao_Paulo)");
		browser.click("Details and options of Sourdough club");
		assertThat(browser.heading()).isEqualTo("Sourdough club");
		assertThat(browser.text()).contains("VISA •••• 1111", "Charges");

		click(browser, "#cancel-link");
		assertThat(browser.heading()).isEqualTo("Cancel your subscription?");
		assertThat(browser.text()).contains("You keep access until", "(America/Sao_Paulo)");
		click(browser, "#confirm-button");
		browser.waitForText("Your subscription is cancelled");
		assertThat(browser.text()).contains("Cancelled by the subscriber");
		assertThat(this.subscriptions.ofBuyer(buyer.id()).get(0).status())
			.isEqualTo(SubscriptionStatus.CANCELLED_BY_CUSTOMER);

		click(browser, "#reactivate-link");
		assertThat(browser.heading()).isEqualTo("Reactivate your subscription?");
		assertThat(browser.text()).contains("Nothing is charged now");
		click(browser, "#confirm-button");
		browser.waitForText("Your subscription is active again");
		assertThat(this.subscriptions.ofBuyer(buyer.id()).get(0).status()).isEqualTo(SubscriptionStatus.ACTIVE);

		click(browser, "#card-link");
		assertThat(browser.heading()).isEqualTo("Change the card");
		assertThat(browser.text()).contains("4111 1111 1111 1111");

		browser.phone();
		String code = this.subscriptions.ofBuyer(buyer.id()).get(0).code();
		browser.open("/my/subscriptions");
		browser.open("/my/subscriptions/" + code);
		browser.open("/my/subscriptions/" + code + "/card");
		browser.assertNoHorizontalOverflow();
	}

	@Test
	void producerOpensASubscriptionChangesTheDueDayAndPreviewsAPlanSwitch(Browser browser) {
		SubscriptionShop.Person producer = this.shop.producer("Bianca Browser");
		long product = this.shop.product(producer, "Pottery club");
		Offer basic = this.shop.plan(producer, product, "Basic", Money.of(3000, "BRL"), BillingPeriod.MONTHLY, 0);
		Offer premium = this.shop.plan(producer, product, "Premium", Money.of(9000, "BRL"), BillingPeriod.MONTHLY, 0);
		Subscription s = this.shop.subscribe(this.shop.buyer("Ana Souza"), basic, SubscriptionShop.APPROVED_CARD);
		int day = (s.dueDay() == 15) ? 16 : 15;

		logIn(browser, producer);
		browser.waitForPath("/business");
		browser.click("My subscribers");
		assertThat(browser.heading()).isEqualTo("Subscriptions");
		assertThat(browser.text()).contains(s.code(), "Ana Souza", "Subscriptions (1)");
		browser.fill("Search", "souza");
		click(browser, "#subscription-filters button[type=submit]");
		assertThat(browser.text()).contains(s.code());

		click(browser, "a[href='/business/subscriptions/" + s.code() + "']");
		assertThat(browser.heading()).isEqualTo("Pottery club — Ana Souza");
		assertThat(browser.text()).contains("Active and paid up", "History");

		browser.fill("Change the due day", String.valueOf(day));
		click(browser, "#due-day-form button[type=submit]");
		assertThat(browser.heading()).isEqualTo("Change the due day?");
		assertThat(browser.text()).contains("Charges will fall on day " + day);
		click(browser, "#confirm-button");
		browser.waitForText("Changes to " + day);

		browser.select("offer", premium.code());
		click(browser, "#switch-form button[type=submit]");
		assertThat(browser.heading()).isEqualTo("Switch plan?");
		assertThat(browser.text()).contains("From Basic to Premium", "is charged now on the stored card");
		browser.click("Go back");
		assertThat(browser.heading()).isEqualTo("Pottery club — Ana Souza");
		assertThat(this.subscriptions.get(Requester.producer(producer.id()), s.code()).plan().offerCode())
			.isEqualTo(basic.code());

		browser.click("Subscriptions");
		assertThat(browser.path()).isEqualTo("/business/subscriptions");
		browser.click("Numbers");
		assertThat(browser.text()).contains("Active subscribers", "Monthly recurring revenue");
		assertThat(browser.driver().findElements(By.cssSelector("#active-chart rect.chart-bar"))).hasSize(12);
		browser.click("Payment retries");
		assertThat(browser.text()).contains("When a charge is refused");

		browser.phone();
		browser.open("/business/subscriptions");
		browser.open("/business/subscriptions/" + s.code());
		browser.open("/business/subscriptions/" + s.code() + "/cancel");
		browser.open("/business/subscriptions/metrics");
		browser.assertNoHorizontalOverflow();
	}

	@Test
	void anAdminFindsASubscriptionAndIsAskedBeforeCancellingIt(Browser browser) {
		SubscriptionShop.Person producer = this.shop.producer("Adam");
		Offer plan = this.shop.plan(producer, this.shop.product(producer, "Admin club"), "Monthly",
				Money.of(1000, "BRL"), BillingPeriod.MONTHLY, 0);
		SubscriptionShop.Person buyer = this.shop.buyer("Ana Souza");
		Subscription s = this.shop.subscribe(buyer, plan, SubscriptionShop.APPROVED_CARD);
		browser.open("/login")
			.fill("E-mail", AtriumIntegrationTest.ADMIN_EMAIL)
			.fill("Password", AtriumIntegrationTest.ADMIN_PASSWORD);
		browser.click("button[type=submit].btn-primary");
		browser.waitForPath("/admin");
		browser.click("Subscriptions");
		browser.fill("q", buyer.email());
		click(browser, "form[role=search] button[type=submit]");
		assertThat(browser.text()).contains(s.code(), "Admin club", "Active and paid up");
		click(browser, "a[href='/admin/subscriptions/" + s.code() + "/cancel']");
		assertThat(browser.heading()).isEqualTo("Cancel this subscription as the platform?");
		click(browser, "#confirm-button");
		browser.waitForText("is cancelled");
		assertThat(browser.text()).contains("Cancelled by the platform");
	}

	/**
	 * Clicks what the selector finds after scrolling it into view at once (the theme
	 * scrolls smoothly, and a click during the scroll lands elsewhere).
	 */
	private static void click(Browser browser, String cssSelector) {
		((JavascriptExecutor) browser.driver()).executeScript(
				"arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})",
				browser.driver().findElement(By.cssSelector(cssSelector)));
		browser.click(cssSelector);
	}

	private static void logIn(Browser browser, SubscriptionShop.Person person) {
		browser.open("/login").fill("E-mail", person.email()).fill("Password", SubscriptionShop.PASSWORD);
		browser.click("button[type=submit].btn-primary");
	}

}
