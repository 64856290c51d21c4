package io.atrium.checkout;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.atrium.accounts.Accounts;
import io.atrium.catalog.Coupons;
import io.atrium.catalog.Delivery;
import io.atrium.catalog.Offers;
import io.atrium.catalog.ProductStatus;
import io.atrium.catalog.Products;
import io.atrium.checkout.internal.BilletLine;
import io.atrium.checkout.internal.PixPayload;
import io.atrium.checkout.internal.SandboxCards;
import io.atrium.shared.Money;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.WebClient;
import io.atrium.support.WebClient.Page;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The buyer's checkout pages over HTTP: the waiting page's status endpoint and QR image
 * (only for the browser that bought), the boleto line, the thank-you page's course
 * button, and bad input or a wrong offer answered with a message, never a 500.
 */
@AtriumIntegrationTest
class CheckoutPagesIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Products products;

	@Autowired
	Offers offers;

	@Autowired
	Coupons coupons;

	TestShop shop;

	@BeforeEach
	void shop() {
		this.shop = new TestShop(this.accounts, this.products, this.offers, this.coupons);
	}

	@Test
	void onlyTheBuyersBrowserSeesThePixStatusAndQrCodeUntilThePaymentTurnsTheWaitingPageIntoTheThankYouPage()
			throws Exception {
		TestShop.Sale sale = this.shop.sale();
		WebClient buyer = new WebClient(this.port).language("en");
		Page pending = buyer.submit("/checkout/" + sale.offerCode(),
				CheckoutIntegrationTests.pix(buyer.get("/checkout/" + sale.offerCode()), TestShop.unique("pix")));
		String transaction = pending.document().getElementById("transaction").text();
		String pixCode = pending.document().getElementById("pix-code").text();
		assertThat(PixPayload.hasValidCrc(pixCode)).isTrue();
		assertThat(pixCode).contains("br.gov.bcb.pix").contains("5406100.00");
		Element section = pending.document().selectFirst("[data-status-url]");
		assertThat(section.attr("data-status-url")).isEqualTo("/checkout/purchases/" + transaction + "/status");
		assertThat(pending.document().getElementById("pix-qr").attr("src"))
			.isEqualTo("/checkout/purchases/" + transaction + "/pix.png");
		assertThat(pending.document().getElementById("check-again").attr("href"))
			.isEqualTo("/checkout/purchases/" + transaction);
		assertThat(pending.document().getElementById("course-link")).isNull();

		HttpResponse<byte[]> status = raw(buyer, "/checkout/purchases/" + transaction + "/status");
		assertThat(status.statusCode()).isEqualTo(200);
		assertThat(status.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
		JsonNode body = JSON.readTree(status.body());
		assertThat(body.path("status").asString()).isEqualTo("WAITING_PAYMENT");
		assertThat(body.path("paid").asBoolean()).isFalse();

		HttpResponse<byte[]> qr = raw(buyer, "/checkout/purchases/" + transaction + "/pix.png");
		assertThat(qr.statusCode()).isEqualTo(200);
		assertThat(qr.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(decode(qr.body())).isEqualTo(pixCode);

		WebClient stranger = new WebClient(this.port).language("en");
		stranger.get("/checkout/" + sale.offerCode());
		assertThat(raw(stranger, "/checkout/purchases/" + transaction + "/status").statusCode()).isEqualTo(404);
		assertThat(raw(stranger, "/checkout/purchases/" + transaction + "/pix.png").statusCode()).isEqualTo(404);
		assertThat(stranger.get("/checkout/purchases/" + transaction).status()).isEqualTo(404);
		assertThat(raw(buyer, "/checkout/purchases/HP00000000000000/status").statusCode()).isEqualTo(404);

		String sandbox = pending.document().getElementById("sandbox-link").attr("href");
		buyer.get(sandbox);
		buyer.post(sandbox + "/pay", Map.of());
		body = JSON.readTree(raw(buyer, "/checkout/purchases/" + transaction + "/status").body());
		assertThat(body.path("status").asString()).isEqualTo("APPROVED");
		assertThat(body.path("paid").asBoolean()).isTrue();

		Page thanks = buyer.get("/checkout/purchases/" + transaction);
		assertThat(thanks.document().selectFirst("[data-status-url]")).isNull();
		assertThat(thanks.document().getElementById("pix-code")).isNull();
		assertThat(thanks.document().getElementById("course-link").attr("href")).isEqualTo("/club");
		assertThat(thanks.text()).contains("Thank you", "Go to the course", "What happens next", "7 days");
		assertThat(raw(buyer, "/checkout/purchases/" + transaction + "/pix.png").statusCode()).isEqualTo(200);
	}

	@Test
	void aBoletoShowsItsFormattedLineAndDueDate() {
		TestShop.Sale sale = this.shop.sale();
		WebClient buyer = new WebClient(this.port).language("pt-BR");
		Map<String, String> fields = CheckoutIntegrationTests.buyer(buyer.get("/checkout/" + sale.offerCode()),
				TestShop.unique("boleto"));
		fields.put("method", "BILLET");
		fields.put("document", "123.456.789-09");
		Page pending = buyer.submit("/checkout/" + sale.offerCode(), fields);
		String line = pending.document().getElementById("billet-barcode").attr("value");
		assertThat(line).matches("\\d{5}\\.\\d{5} \\d{5}\\.\\d{6} \\d{5}\\.\\d{6} \\d \\d{14}");
		assertThat(BilletLine.isValid(line)).isTrue();
		assertThat(line).endsWith("0000010000");
		assertThat(pending.document().getElementById("due").text()).startsWith("Vencimento:")
			.contains("(America/Sao_Paulo)");
		assertThat(pending.text()).contains("Aguardando o seu pagamento", "Já paguei — verificar de novo");
	}

	@Test
	void theThankYouPageOfAnExternallyDeliveredProductLeadsToItsMembersArea() {
		TestShop.Sale sale = this.shop.sale(this.shop.producer(), Money.of(10000, "BRL"),
				Delivery.external("https://school.example/login", "Log in with your purchase e-mail."),
				ProductStatus.ACTIVE);
		WebClient buyer = new WebClient(this.port).language("en");
		Page thanks = buyer.submit("/checkout/" + sale.offerCode(), CheckoutIntegrationTests
			.card(buyer.get("/checkout/" + sale.offerCode()), TestShop.unique("ext"), SandboxCards.APPROVED));
		assertThat(thanks.document().getElementById("course-link").attr("href"))
			.isEqualTo("https://school.example/login");
		assertThat(thanks.document().getElementById("access-instructions").text())
			.isEqualTo("Log in with your purchase e-mail.");
	}

	@Test
	void badInputIsAnsweredFieldByFieldOnThePage() {
		TestShop.Sale sale = this.shop.sale();
		WebClient buyer = new WebClient(this.port).language("en");
		Map<String, String> fields = CheckoutIntegrationTests.card(buyer.get("/checkout/" + sale.offerCode()),
				TestShop.unique("bad"), "4111 1111 1111 111x");
		fields.remove("cardExpMonth");
		fields.remove("cardExpYear");
		fields.put("cardExpiry", "13/29");
		fields.put("document", "123.456.789-00");
		fields.put("cardCvc", "12");
		Page page = buyer.post("/checkout/" + sale.offerCode(), fields);
		assertThat(page.status()).isEqualTo(422);
		assertThat(page.text()).contains("Enter a valid CPF (11 digits) or CNPJ (14 digits)",
				"Enter the expiry date as MM/YY", "Enter the card number", "Enter the 3- or 4-digit security code");
		for (String field : new String[] { "document", "cardExpiry", "cardNumber", "cardCvc" }) {
			Element input = page.document().getElementById(field);
			assertThat(input.hasClass("is-invalid")).as(field).isTrue();
			assertThat(page.document().getElementById(input.attr("aria-describedby"))).as(field).isNotNull();
		}
		// the buyer's data stays, the card does not
		assertThat(page.document().getElementById("document").attr("value")).isEqualTo("123.456.789-00");
		assertThat(page.document().getElementById("cardNumber").attr("value")).isEmpty();

		fields.put("method", "BITCOIN");
		Page method = buyer.post("/checkout/" + sale.offerCode(), fields);
		assertThat(method.status()).isEqualTo(422);
		assertThat(method.text()).contains("Choose a payment method");

		Page paid = buyer.submit("/checkout/" + sale.offerCode(),
				Map.of("checkout_attempt", "x", "name", "Ana", "email", "ana@example.com", "emailConfirmation",
						"ana@example.com", "method", "CARD", "cardNumber", SandboxCards.APPROVED, "cardHolder", "ANA",
						"cardExpiry", "12/99", "cardCvc", "123"));
		assertThat(paid.path()).startsWith("/checkout/purchases/HP");
		assertThat(paid.text()).contains("Approved");
	}

	@Test
	void aWrongOfferCodeIsAPageThatSaysSo() {
		WebClient buyer = new WebClient(this.port).language("en");
		for (String code : new String[] { "NOPE1234", "x".repeat(300), "%E2%9C%93", "..%2F..%2Fetc" }) {
			Page page = buyer.get("/checkout/" + code);
			assertThat(page.status()).as(code).isIn(400, 404);
			if (page.status() == 404) {
				assertThat(page.text()).as(code).contains("This offer does not exist");
			}
		}
		// a form posted to a wrong code (with a valid CSRF token from a real checkout)
		Page form = buyer.get("/checkout/" + this.shop.sale().offerCode());
		Page post = buyer.post("/checkout/NOPE1234", CheckoutIntegrationTests.pix(form, TestShop.unique("nope")));
		assertThat(post.status()).isEqualTo(404);
		assertThat(post.text()).contains("This offer does not exist");
	}

	private static String decode(byte[] png) throws Exception {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
		return new QRCodeReader()
			.decode(new BinaryBitmap(
					new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))))
			.getText();
	}

	private HttpResponse<byte[]> raw(WebClient client, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept", "application/json, image/png")
			.header("Cookie", "ATRIUM_SESSION=" + client.cookie("ATRIUM_SESSION").getValue())
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
	}

}
