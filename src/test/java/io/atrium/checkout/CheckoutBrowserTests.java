package io.atrium.checkout;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A buyer in a real browser, in each language: from the offer link (with a coupon)
 * through a declined card to an approved purchase and its e-mail; with masked card fields
 * to the thank-you page, with PIX (a QR code that decodes to the code to paste) to a
 * waiting page that turns into the thank-you page by itself, and with a boleto; at 1280
 * and 390 px. Every page passes axe-core. With ATRIUM_SCREENSHOTS=true the journeys save
 * the README's screenshots under docs/images.
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
		// a buyer's chrome: the language switch, no producer navigation, no invitation to
		// sell
		assertThat(browser.driver().findElement(By.id("atrium-menu")).getText()).doesNotContain("Start selling")
			.doesNotContain("Manage my business")
			.doesNotContain("Log in");
	}

	@ParameterizedTest
	@ValueSource(strings = { "desktop", "phone" })
	void cardPurchaseWithMaskedFieldsAndACouponEndsOnTheThankYouPage(String size, Browser browser) throws IOException {
		TestShop shop = new TestShop(this.accounts, this.products, this.offers, this.coupons);
		TestShop.Sale sale = shop.sale();
		shop.coupon(sale, "WELCOME10", "0.1", null, null);
		String email = TestShop.unique("card-" + size);
		size(browser, size).open("/checkout/" + sale.offerCode() + "?coupon=WELCOME10");

		WebElement summary = browser.driver().findElement(By.id("summary"));
		assertThat(summary.isDisplayed()).isTrue();
		assertLight(browser);
		assertThat(summary.getText()).contains("Sourdough course", "Full course", "by Producer", "100.00",
				"Coupon WELCOME10", "− R$10.00", "R$90.00");
		assertThat(browser.driver().findElement(By.id("guarantee")).getText()).contains("7-day guarantee");
		assertThat(browser.driver().findElement(By.id("support")).getText()).contains("help@bakery.example");
		if ("phone".equals(size)) {
			// the summary comes first on a phone, above the buyer's fields
			assertThat(summary.getLocation().getY())
				.isLessThan(browser.driver().findElement(By.id("name")).getLocation().getY());
		}
		else {
			// and beside them on a desktop
			assertThat(summary.getLocation().getX())
				.isGreaterThan(browser.driver().findElement(By.id("name")).getLocation().getX());
		}

		browser.fill("name", "Ana Souza")
			.fill("email", email)
			.fill("emailConfirmation", email)
			.fill("document", "12345678909")
			.fill("cardNumber", "4111111111111111")
			.fill("cardHolder", "ANA SOUZA")
			.fill("cardExpiry", "1299")
			.fill("cardCvc", "123");
		assertThat(value(browser, "document")).isEqualTo("123.456.789-09");
		assertThat(value(browser, "cardNumber")).isEqualTo("4111 1111 1111 1111");
		assertThat(value(browser, "cardExpiry")).isEqualTo("12/99");
		assertThat(browser.driver().findElement(By.id("card-brand")).getText()).isEqualTo("Visa");
		// the brand follows the number as it is typed
		browser.fill("cardNumber", "378282246310005");
		assertThat(value(browser, "cardNumber")).isEqualTo("3782 822463 10005");
		assertThat(browser.driver().findElement(By.id("card-brand")).getText()).isEqualTo("American Express");
		browser.fill("cardNumber", "5067231234567890");
		assertThat(browser.driver().findElement(By.id("card-brand")).getText()).isEqualTo("Elo");
		browser.fill("cardNumber", SandboxCards.APPROVED);
		screenshot(browser, "phone".equals(size) ? "checkout-phone.png" : "checkout-desktop.png");

		pay(browser);
		WebElement course = browser.waitFor("#course-link");
		assertThat(course.getText()).isEqualTo("Go to the course");
		assertThat(course.getDomAttribute("href")).isEqualTo("/club");
		assertThat(browser.heading()).isEqualTo("Thank you! Your purchase is approved.");
		assertThat(browser.text()).contains("Your purchase of Sourdough course is confirmed", email, "WELCOME10",
				"R$90.00", "Approved", "What happens next");
		assertThat(browser.driver().findElements(By.id("atrium-start-selling"))).isEmpty();
		if ("desktop".equals(size)) {
			screenshot(browser, "checkout-thank-you.png");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "phone", "desktop" })
	void aCardPaidInThreeInstallmentsSaysSoOnTheThankYouPage(String size, Browser browser) {
		TestShop.Sale sale = new TestShop(this.accounts, this.products, this.offers, this.coupons).installmentSale(12);
		String email = TestShop.unique("installments-" + size);
		size(browser, size).open("/checkout/" + sale.offerCode());
		// 97.00 in 12: 8.12 first (the 4 cents that do not divide), then 8.08
		assertThat(browser.driver().findElement(By.id("installments-up-to")).getText())
			.isEqualTo("or up to 12× of R$8.12");
		WebElement installments = browser.driver().findElement(By.id("installments"));
		assertThat(installments.findElements(By.tagName("option")).stream().map(WebElement::getText).toList())
			.hasSize(12)
			.startsWith("1× R$97.00", "2× R$48.50", "3× R$32.34");
		// PIX is paid at once: no installments to choose
		browser.driver().findElement(By.cssSelector("label[for=method-pix]")).click();
		assertThat(installments.isDisplayed()).isFalse();
		browser.driver().findElement(By.cssSelector("label[for=method-card]")).click();
		assertThat(installments.isDisplayed()).isTrue();

		browser.fill("name", "Ana Souza")
			.fill("email", email)
			.fill("emailConfirmation", email)
			.fill("cardNumber", SandboxCards.APPROVED)
			.fill("cardHolder", "ANA SOUZA")
			.fill("cardExpiry", "1299")
			.fill("cardCvc", "123")
			.select("Installments", "3× R$32.34");
		pay(browser);
		browser.waitFor("#course-link");
		assertThat(browser.heading()).isEqualTo("Thank you! Your purchase is approved.");
		assertThat(browser.driver().findElement(By.id("installments")).getText())
			.isEqualTo("Paid in 3 installments: R$32.34, then 2 of R$32.33");
		assertThat(browser.text()).contains("R$97.00");
	}

	@ParameterizedTest
	@ValueSource(strings = { "phone", "desktop" })
	void pixShowsAQrCodeToCopyAndTurnsIntoTheThankYouPageWhenPaid(String size, Browser browser) throws Exception {
		TestShop.Sale sale = new TestShop(this.accounts, this.products, this.offers, this.coupons).sale();
		String email = TestShop.unique("pix-" + size);
		size(browser, size).open("/checkout/" + sale.offerCode());
		browser.fill("name", "Ana Souza").fill("email", email).fill("emailConfirmation", email);
		browser.click("label[for=method-pix]");
		// the card's fields are for cards only
		assertThat(browser.driver().findElement(By.id("cardNumber")).isDisplayed()).isFalse();
		assertThat(browser.text()).contains("a QR code and a copy-and-paste code appear");
		pay(browser);

		WebElement qr = browser.waitFor("#pix-qr");
		assertThat(browser.heading()).isEqualTo("Almost there: pay the PIX code.");
		assertThat(
				((Number) ((JavascriptExecutor) browser.driver()).executeScript("return arguments[0].naturalWidth", qr))
					.intValue())
			.isGreaterThan(100);
		String pixCode = browser.driver().findElement(By.id("pix-code")).getDomProperty("value");
		assertThat(pixCode).startsWith("000201").contains("br.gov.bcb.pix");
		// the QR code on the screen is the code to paste
		assertThat(decode(qr.getScreenshotAs(OutputType.BYTES))).isEqualTo(pixCode);
		assertThat(browser.text()).contains("Pay before", "this page updates by itself");

		browser.click("button[data-copy=pix-code]");
		browser.waitForText("Copied: paste it in your bank’s app.");
		if ("phone".equals(size)) {
			screenshot(browser, "checkout-pix.png");
		}

		// the buyer pays in another tab (the sandbox stands in for the bank's app)
		String sandbox = browser.driver().findElement(By.id("sandbox-link")).getDomAttribute("href");
		String waiting = browser.driver().getWindowHandle();
		browser.driver().switchTo().newWindow(WindowType.TAB);
		browser.open(sandbox).click("Mark as paid");
		browser.driver().close();
		browser.driver().switchTo().window(waiting);

		// the waiting page notices by itself
		WebElement course = browser.waitFor("#course-link");
		assertThat(course.getText()).isEqualTo("Go to the course");
		assertThat(browser.text()).contains("Thank you! Your purchase is approved.", "Approved", email);
		assertThat(browser.driver().findElements(By.id("pix-qr"))).isEmpty();
		browser.checkPage();
	}

	@Test
	void boletoShowsItsLineToCopy(Browser browser) {
		TestShop.Sale sale = new TestShop(this.accounts, this.products, this.offers, this.coupons).sale();
		String email = TestShop.unique("boleto");
		browser.open("/checkout/" + sale.offerCode() + "?lang=pt-BR");
		browser.fill("name", "Ana Souza")
			.fill("email", email)
			.fill("emailConfirmation", email)
			.fill("document", "11222333000181");
		assertThat(value(browser, "document")).isEqualTo("11.222.333/0001-81");
		browser.click("label[for=method-billet]");
		pay(browser);
		WebElement line = browser.waitFor("#billet-barcode");
		assertThat(line.getDomProperty("value"))
			.matches("9999\\d\\.\\d{5} \\d{5}\\.\\d{6} \\d{5}\\.\\d{6} \\d \\d{4}0000010000");
		assertThat(browser.text()).contains("Linha digitável", "Vencimento:", "Já paguei — verificar de novo");
		browser.click("button[data-copy=billet-barcode]");
		browser.waitForText("Copiado: cole no aplicativo do seu banco.");
		browser.phone().open(browser.path());
		assertThat(browser.driver().findElement(By.id("billet-barcode")).isDisplayed()).isTrue();
	}

	/**
	 * Fast on a phone: the whole page (HTML, style sheets, scripts, images) stays under
	 * 500 KB uncompressed, and the 134 KB icon font is not downloaded (the icons are
	 * inline SVG).
	 */
	private static void assertLight(Browser browser) {
		@SuppressWarnings("unchecked")
		java.util.List<java.util.Map<String, Object>> entries = (java.util.List<java.util.Map<String, Object>>) ((JavascriptExecutor) browser
			.driver())
			.executeScript("return performance.getEntriesByType('navigation').concat(performance"
					+ ".getEntriesByType('resource')).map((e) => ({name: e.name, size: e.decodedBodySize}))");
		long total = entries.stream().mapToLong((e) -> ((Number) e.get("size")).longValue()).sum();
		System.out.println("Checkout page weight: " + total + " bytes in " + entries.size() + " files");
		assertThat(entries).noneMatch((e) -> String.valueOf(e.get("name")).contains(".woff"));
		assertThat(total).isLessThan(500_000);
	}

	private static Browser size(Browser browser, String size) {
		return "phone".equals(size) ? browser.phone() : browser.desktop();
	}

	private static String value(Browser browser, String id) {
		return browser.driver().findElement(By.id(id)).getDomProperty("value");
	}

	private static String decode(byte[] png) throws Exception {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		return new QRCodeReader()
			.decode(new BinaryBitmap(
					new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
			.getText();
	}

	/**
	 * Saves what the browser shows as docs/images/{name}, for the README, when
	 * ATRIUM_SCREENSHOTS=true.
	 */
	private static void screenshot(Browser browser, String name) throws IOException {
		if (!"true".equals(System.getenv("ATRIUM_SCREENSHOTS"))) {
			return;
		}
		((JavascriptExecutor) browser.driver()).executeScript("window.scrollTo({top: 0, behavior: 'instant'})");
		Path file = Path.of("docs", "images", name);
		Files.createDirectories(file.getParent());
		Files.write(file, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
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
