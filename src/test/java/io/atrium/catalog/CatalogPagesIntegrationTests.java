package io.atrium.catalog;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.shared.EmailAddress;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.WebClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer manages products, offers and coupons through the pages, over real HTTP: what
 * is saved and shown, every refusal with its message next to the field (and nothing
 * saved), and another producer's ids answered with the 404 page.
 */
@AtriumIntegrationTest
class CatalogPagesIntegrationTests {

	static final String PASSWORD = "catalog pages password";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Products products;

	WebClient producer(String language) {
		String email = "pages-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		this.accounts.createActive(EmailAddress.of(email), "Pat Pages", PASSWORD, Locale.forLanguageTag(language),
				Set.of(Role.PRODUCER));
		WebClient web = new WebClient(this.port).language(language);
		assertThat(web.logIn(email, PASSWORD).path()).isEqualTo("/business");
		return web;
	}

	static Map<String, String> productFields(String name) {
		return Map.of("name", name, "description", "Learn to take photos", "supportEmail", "help@example.com", "format",
				"ONLINE_COURSE", "status", "ACTIVE", "warrantyDays", "15", "deliveryKind", "MEMBERS_AREA");
	}

	long createProduct(WebClient web, String name) {
		web.get("/business/products/new");
		WebClient.Page created = web.post("/business/products", productFields(name));
		assertThat(created.status()).isEqualTo(302);
		return Long.parseLong(created.location().replaceAll(".*/business/products/", ""));
	}

	long count(String table) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	@Test
	void aProducerCreatesAProductAnOfferAndACouponAndSeesTheShareableLinks() {
		WebClient web = producer("en");
		assertThat(web.get("/business").text()).contains("Products", "My products");
		long id = createProduct(web, "Photography from Zero");
		assertThat(id).isGreaterThanOrEqualTo(1_000_000);

		WebClient.Page page = web.get("/business/products/" + id);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("Photography from Zero", "Active", "15 days", "help@example.com",
				"This product has no offers yet");

		web.get("/business/products/" + id + "/offers/new");
		WebClient.Page offer = web.submit("/business/products/" + id + "/offers",
				Map.of("name", "Full price", "price", "497,00", "currency", "BRL", "paymentMode", "SINGLE"));
		assertThat(offer.text()).contains("The offer \"Full price\" was created", "R$", "497.00", "Main");
		Document doc = offer.document();
		String code = doc.selectFirst("tr[data-offer-code]").attr("data-offer-code");
		assertThat(code).matches("[a-z0-9]{8}");
		assertThat(doc.selectFirst("input[id^=offer-link-]").attr("value"))
			.isEqualTo("http://localhost:" + this.port + "/checkout/" + code);

		WebClient.Page monthly = web.submit("/business/products/" + id + "/offers",
				Map.of("name", "Monthly plan", "price", "39.9", "currency", "USD", "paymentMode", "RECURRING", "period",
						"MONTHLY", "maxCharges", "12", "trialDays", "7"));
		assertThat(monthly.text()).contains("Monthly, 12 charges, 7-day free trial", "$39.90");

		web.get("/business/products/" + id + "/coupons/new");
		WebClient.Page coupon = web.submit("/business/products/" + id + "/coupons",
				Map.of("code", "welcome20", "discount", "20", "startsAt", "", "endsAt", ""));
		assertThat(coupon.text()).contains("The coupon WELCOME20 was created", "20%", "All offers", "Valid");
		assertThat(coupon.document().selectFirst("input[id^=coupon-link-]").attr("value"))
			.isEqualTo("http://localhost:" + this.port + "/checkout/" + code + "?coupon=WELCOME20");

		WebClient.Page list = web.get("/business/products");
		assertThat(list.document().selectFirst("tr[data-product-id=" + id + "]").text())
			.contains("Photography from Zero", "Active", "Online course", "2");
	}

	@Test
	void makingAnotherOfferMainMovesTheMarkAndCouponsCanBeLimitedAndDeleted() {
		WebClient web = producer("en");
		long id = createProduct(web, "Two offers");
		web.get("/business/products/" + id + "/offers/new");
		web.submit("/business/products/" + id + "/offers",
				Map.of("name", "First", "price", "10", "currency", "BRL", "paymentMode", "SINGLE"));
		web.submit("/business/products/" + id + "/offers",
				Map.of("name", "Second", "price", "20", "currency", "EUR", "paymentMode", "SINGLE"));
		long second = this.jdbc.sql("SELECT id FROM catalog_offers WHERE product_id = ? AND name = 'Second'")
			.param(id)
			.query(Long.class)
			.single();
		web.get("/business/products/" + id);
		WebClient.Page page = web.submit("/business/products/" + id + "/offers/" + second + "/main", Map.of());
		assertThat(page.text()).contains("\"Second\" is now the main offer.");
		assertThat(page.document().select("span.badge.text-bg-primary")).hasSize(1);
		assertThat(page.document().selectFirst("span.badge.text-bg-primary").parent().text()).contains("Second");
		assertThat(this.products.own(this.products.find(ownerOf(id), id).orElseThrow().producerAccountId(), id)
			.mainOfferId()).isEqualTo(second);

		web.get("/business/products/" + id + "/coupons/new");
		WebClient.Page limited = web.submit("/business/products/" + id + "/coupons",
				Map.of("code", "ONLY-SECOND", "discount", "12,5", "offerIds", Long.toString(second), "startsAt",
						"2020-01-01T10:00", "endsAt", "2020-02-01T10:00"));
		assertThat(limited.document().selectFirst("tr[data-coupon-code=ONLY-SECOND]").text()).contains("12.5%",
				"Second", "Expired");
		long couponId = this.jdbc.sql("SELECT id FROM catalog_coupons WHERE product_id = ?")
			.param(id)
			.query(Long.class)
			.single();
		assertThat(this.jdbc.sql("SELECT offer_id FROM catalog_coupon_offers WHERE coupon_id = ?")
			.param(couponId)
			.query(Long.class)
			.list()).containsExactly(second);
		WebClient.Page deleted = web.submit("/business/products/" + id + "/coupons/" + couponId + "/delete", Map.of());
		assertThat(deleted.text()).contains("The coupon ONLY-SECOND was deleted", "This product has no coupons");
	}

	private long ownerOf(long productId) {
		return this.jdbc.sql("SELECT producer_account_id FROM catalog_products WHERE id = ?")
			.param(productId)
			.query(Long.class)
			.single();
	}

	@Test
	void anotherProducerGetsTheNotFoundPageAndChangesNothing() {
		WebClient owner = producer("en");
		long id = createProduct(owner, "Mine only");
		owner.post("/business/products/" + id + "/offers",
				Map.of("name", "Offer", "price", "10", "currency", "BRL", "paymentMode", "SINGLE"));
		long offerId = this.jdbc.sql("SELECT id FROM catalog_offers WHERE product_id = ?")
			.param(id)
			.query(Long.class)
			.single();

		WebClient other = producer("en");
		for (String path : new String[] { "/business/products/" + id, "/business/products/" + id + "/edit",
				"/business/products/" + id + "/offers/new", "/business/products/" + id + "/offers/" + offerId + "/edit",
				"/business/products/" + id + "/coupons/new" }) {
			WebClient.Page page = other.get(path);
			assertThat(page.status()).as(path).isEqualTo(404);
			assertThat(page.text()).as(path).contains("Page not found");
		}
		other.get("/business/products");
		assertThat(other.post("/business/products/" + id, productFields("Stolen")).status()).isEqualTo(404);
		assertThat(other
			.post("/business/products/" + id + "/offers",
					Map.of("name", "Stolen", "price", "1", "currency", "BRL", "paymentMode", "SINGLE"))
			.status()).isEqualTo(404);
		assertThat(other.post("/business/products/" + id + "/coupons", Map.of("code", "STOLEN", "discount", "50"))
			.status()).isEqualTo(404);
		assertThat(other.post("/business/products/" + id + "/offers/" + offerId + "/main", Map.of()).status())
			.isEqualTo(404);
		assertThat(
				this.jdbc.sql("SELECT name FROM catalog_products WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("Mine only");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM catalog_offers WHERE product_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isOne();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM catalog_coupons WHERE product_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
		assertThat(other.get("/business/products").text()).contains("You have no products yet");
	}

	@Test
	void badProductInputIsShownNextToTheFieldsAndNothingIsSaved() {
		WebClient web = producer("en");
		long before = count("catalog_products");
		web.get("/business/products/new");
		WebClient.Page page = web.post("/business/products",
				Map.of("name", "  ", "supportEmail", "not-an-email", "format", "ONLINE_COURSE", "status", "DRAFT",
						"warrantyDays", "10", "deliveryKind", "EXTERNAL", "externalUrl", "javascript:alert(1)",
						"accessInstructions", ""));
		assertThat(page.status()).isEqualTo(422);
		Document doc = page.document();
		assertThat(doc.selectFirst("#product-name-error").text()).isEqualTo("Enter a name.");
		assertThat(doc.selectFirst("#product-name").attr("aria-invalid")).isEqualTo("true");
		assertThat(doc.selectFirst("#product-support-email-error").text())
			.isEqualTo("This is not a valid e-mail address.");
		assertThat(doc.selectFirst("#product-warranty-error").text()).contains("7, 15, 21 or 30 days");
		assertThat(doc.selectFirst("#product-external-url-error").text()).contains("http:// or https://");
		assertThat(doc.selectFirst("#product-instructions-error").text()).isEqualTo("Tell buyers how they get access.");
		assertThat(doc.selectFirst("#product-support-email").attr("value")).isEqualTo("not-an-email");
		assertThat(count("catalog_products")).isEqualTo(before);
	}

	@Test
	void badOfferAndCouponInputIsRefusedWithClearMessagesInTheReadersLanguage() {
		WebClient web = producer("pt-BR");
		long id = createProduct(web, "Curso");
		long offers = count("catalog_offers");
		web.get("/business/products/" + id + "/offers/new");
		WebClient.Page negative = web.post("/business/products/" + id + "/offers",
				Map.of("name", "", "price", "-10", "currency", "BRL", "paymentMode", "SINGLE"));
		assertThat(negative.status()).isEqualTo(422);
		assertThat(negative.document().selectFirst("#offer-price-error").text())
			.startsWith("Informe um preço como 49,90");
		assertThat(negative.document().selectFirst("#offer-name-error").text())
			.isEqualTo("Informe um nome para a oferta.");
		WebClient.Page foreign = web.post("/business/products/" + id + "/offers",
				Map.of("name", "Iene", "price", "10", "currency", "JPY", "paymentMode", "SINGLE"));
		assertThat(foreign.document().selectFirst("#offer-currency-error").text())
			.isEqualTo("Escolha BRL, USD ou EUR.");
		WebClient.Page zero = web.post("/business/products/" + id + "/offers",
				Map.of("name", "Grátis", "price", "0", "currency", "BRL", "paymentMode", "SINGLE"));
		assertThat(zero.document().selectFirst("#offer-price-error").text())
			.isEqualTo("O preço deve ser maior que zero e no máximo 99.999.999,99.");
		WebClient.Page plan = web.post("/business/products/" + id + "/offers", Map.of("name", "Plano", "price", "10",
				"currency", "BRL", "paymentMode", "RECURRING", "period", "DAILY", "maxCharges", "x"));
		assertThat(plan.document().selectFirst("#offer-period-error").text())
			.isEqualTo("Escolha a frequência das cobranças.");
		assertThat(plan.document().selectFirst("#offer-max-charges-error")).isNotNull();
		WebClient.Page thirteen = web.post("/business/products/" + id + "/offers", Map.of("name", "Parcelado", "price",
				"97", "currency", "BRL", "paymentMode", "SINGLE", "maxInstallments", "13"));
		assertThat(thirteen.status()).isEqualTo(422);
		assertThat(thirteen.document().selectFirst("#offer-max-installments-error").text())
			.isEqualTo("O máximo de parcelas vai de 1 a 12.");
		WebClient.Page words = web.post("/business/products/" + id + "/offers", Map.of("name", "Parcelado", "price",
				"97", "currency", "BRL", "paymentMode", "SINGLE", "maxInstallments", "doze"));
		assertThat(words.status()).isEqualTo(422);
		assertThat(words.document().selectFirst("#offer-max-installments-error").text())
			.isEqualTo("Escolha um máximo de parcelas de 1 a 12.");
		assertThat(count("catalog_offers")).isEqualTo(offers);
		WebClient.Page six = web.post("/business/products/" + id + "/offers", Map.of("name", "Parcelado", "price", "97",
				"currency", "BRL", "paymentMode", "SINGLE", "maxInstallments", "6"));
		assertThat(six.status()).isLessThan(400);
		assertThat(this.jdbc.sql("SELECT max_installments FROM catalog_offers WHERE product_id = ?")
			.param(id)
			.query(Integer.class)
			.single()).isEqualTo(6);
		offers = count("catalog_offers");

		long coupons = count("catalog_coupons");
		web.get("/business/products/" + id + "/coupons/new");
		WebClient.Page tooMuch = web.post("/business/products/" + id + "/coupons",
				Map.of("code", "GRANDE", "discount", "99"));
		assertThat(tooMuch.status()).isEqualTo(422);
		assertThat(tooMuch.document().selectFirst("#coupon-discount-error").text())
			.isEqualTo("O desconto deve ser maior que 0% e menor que 99%.");
		WebClient.Page nothing = web.post("/business/products/" + id + "/coupons",
				Map.of("code", "ZERO", "discount", "0"));
		assertThat(nothing.document().selectFirst("#coupon-discount-error").text()).contains("maior que 0%");
		WebClient.Page backwards = web.post("/business/products/" + id + "/coupons", Map.of("code", "VOLTA", "discount",
				"10", "startsAt", "2030-05-01T10:00", "endsAt", "2030-04-01T10:00"));
		assertThat(backwards.document().selectFirst("#coupon-end-error").text())
			.isEqualTo("O fim deve ser depois do início.");
		WebClient.Page badCode = web.post("/business/products/" + id + "/coupons",
				Map.of("code", "COM ESPAÇO", "discount", "10"));
		assertThat(badCode.document().selectFirst("#coupon-code-error").text()).contains("sem espaços");
		// the shape of each field is checked by Bean Validation (CouponForm), with the
		// rules' messages for what it could read
		WebClient.Page unreadable = web.post("/business/products/" + id + "/coupons",
				Map.of("code", "MAL ESCRITO", "discount", "dez", "startsAt", "2030-13-45T10:00", "endsAt", "amanhã"));
		assertThat(unreadable.status()).isEqualTo(422);
		assertThat(unreadable.document().selectFirst("#coupon-discount-error").text())
			.isEqualTo("Informe o desconto em porcentagem, como 20 ou 12,5.");
		assertThat(unreadable.document().selectFirst("#coupon-start-error").text())
			.isEqualTo("Informe uma data e um horário.");
		assertThat(unreadable.document().selectFirst("#coupon-end-error").text())
			.isEqualTo("Informe uma data e um horário.");
		assertThat(unreadable.document().selectFirst("#coupon-code-error").text()).contains("sem espaços");
		assertThat(unreadable.document().selectFirst("input[name=discount]").attr("value")).isEqualTo("dez");
		assertThat(count("catalog_coupons")).isEqualTo(coupons);

		web.submit("/business/products/" + id + "/coupons", Map.of("code", "Promo", "discount", "10"));
		web.get("/business/products/" + id + "/coupons/new");
		WebClient.Page duplicate = web.post("/business/products/" + id + "/coupons",
				Map.of("code", "PROMO", "discount", "15"));
		assertThat(duplicate.status()).isEqualTo(422);
		assertThat(duplicate.document().selectFirst("#coupon-code-error").text())
			.isEqualTo("Este produto já tem um cupom com este código.");
		assertThat(count("catalog_coupons")).isEqualTo(coupons + 1);
	}

	@Test
	void unreadableOfferAndProductFieldsAreRefusedByBeanValidationAndNothingIsSaved() {
		WebClient web = producer("pt-BR");
		long id = createProduct(web, "Formas");
		long offers = count("catalog_offers");
		web.get("/business/products/" + id + "/offers/new");
		WebClient.Page unreadable = web.post("/business/products/" + id + "/offers",
				Map.of("name", "Plano", "price", "quarenta e nove", "currency", "BRL", "paymentMode", "RECURRING",
						"period", "MONTHLY", "maxCharges", "doze", "trialDays", "7.5", "clubGroupId", "turma"));
		assertThat(unreadable.status()).isEqualTo(422);
		assertThat(unreadable.document().selectFirst("#offer-price-error").text())
			.isEqualTo("Informe um preço como 49,90: dígitos, com no máximo duas casas decimais.");
		assertThat(unreadable.document().selectFirst("#offer-max-charges-error").text())
			.isEqualTo("Informe um número inteiro, como 12, ou deixe em branco.");
		assertThat(unreadable.document().selectFirst("#offer-trial-error").text())
			.isEqualTo("Informe um número inteiro, como 12, ou deixe em branco.");
		assertThat(unreadable.document().selectFirst("#offer-group-error").text())
			.isEqualTo("O id da turma deve ser um número positivo.");
		assertThat(unreadable.document().selectFirst("#offer-price").attr("value")).isEqualTo("quarenta e nove");
		WebClient.Page threeDecimals = web.post("/business/products/" + id + "/offers",
				Map.of("name", "Caro", "price", "49,999", "currency", "BRL", "paymentMode", "SINGLE"));
		assertThat(threeDecimals.status()).isEqualTo(422);
		assertThat(threeDecimals.document().selectFirst("#offer-price-error").text()).startsWith("Informe um preço");
		assertThat(count("catalog_offers")).isEqualTo(offers);

		web.submit("/business/products/" + id + "/offers",
				Map.of("name", "Certa", "price", "49,90", "currency", "BRL", "paymentMode", "SINGLE"));
		long offerId = this.jdbc.sql("SELECT id FROM catalog_offers WHERE product_id = ? AND name = 'Certa'")
			.param(id)
			.query(Long.class)
			.single();
		web.get("/business/products/" + id + "/offers/" + offerId + "/edit");
		WebClient.Page edit = web.post("/business/products/" + id + "/offers/" + offerId,
				Map.of("name", "Mudada", "price", "R$ 10", "currency", "BRL", "paymentMode", "SINGLE"));
		assertThat(edit.status()).isEqualTo(422);
		assertThat(edit.document().selectFirst("#offer-price-error").text()).startsWith("Informe um preço");
		assertThat(this.jdbc.sql("SELECT name FROM catalog_offers WHERE id = ?")
			.param(offerId)
			.query(String.class)
			.single()).isEqualTo("Certa");

		long products = count("catalog_products");
		web.get("/business/products/new");
		Map<String, String> fields = new java.util.HashMap<>(productFields("Garantia escrita"));
		fields.put("warrantyDays", "trinta");
		fields.put("name", " ");
		WebClient.Page product = web.post("/business/products", fields);
		assertThat(product.status()).isEqualTo(422);
		assertThat(product.document().selectFirst("#product-warranty-error").text())
			.isEqualTo("Escolha uma garantia de 7, 15, 21 ou 30 dias.");
		assertThat(product.document().selectFirst("#product-name-error").text()).as("the rules' messages too")
			.isNotBlank();
		assertThat(count("catalog_products")).isEqualTo(products);
		web.get("/business/products/" + id + "/edit");
		WebClient.Page productEdit = web.post("/business/products/" + id, fields);
		assertThat(productEdit.status()).isEqualTo(422);
		assertThat(productEdit.document().selectFirst("#product-warranty-error").text()).contains("7, 15, 21");
		assertThat(
				this.jdbc.sql("SELECT name FROM catalog_products WHERE id = ?").param(id).query(String.class).single())
			.isEqualTo("Formas");
	}

	@Test
	void anUploadedImageIsCheckedByItsBytesAndServedPublicly() throws Exception {
		WebClient web = producer("en");
		long id = createProduct(web, "With image");
		// a real PNG: the media module decodes every upload (issue 12)
		byte[] png = io.atrium.media.TestImages.png(800, 600, java.awt.Color.BLUE);
		String csrf = web.get("/business/products/" + id + "/edit")
			.document()
			.selectFirst("input[name=_csrf]")
			.attr("value");

		HttpResponse<String> fake = upload(web, id, csrf, "fake.png", "<svg onload=alert(1)>".getBytes());
		assertThat(fake.statusCode()).isEqualTo(422);
		assertThat(fake.body()).contains("The image must be a PNG, JPEG or WebP file.");
		HttpResponse<String> big = upload(web, id, csrf, "big.png", new byte[10 * 1024 * 1024 + 1]);
		assertThat(big.statusCode()).isEqualTo(422);
		assertThat(big.body()).contains("The image can have at most 10 MB.");
		HttpResponse<String> damaged = upload(web, id, csrf, "damaged.png", java.util.Arrays.copyOf(png, 40));
		assertThat(damaged.statusCode()).isEqualTo(422);
		assertThat(damaged.body()).contains("The image could not be read");

		HttpResponse<String> ok = upload(web, id, csrf, "photo.bin", png);
		assertThat(ok.statusCode()).isEqualTo(302);
		String ucode = this.jdbc.sql("SELECT ucode FROM catalog_products WHERE id = ?")
			.param(id)
			.query(UUID.class)
			.single()
			.toString();
		HttpResponse<byte[]> image = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/catalog/products/" + ucode + "/image"))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
		// resized to the 1200 × 675 cover
		assertThat(io.atrium.media.TestImages.read(image.body()).getWidth()).isEqualTo(1200);
		assertThat(io.atrium.media.TestImages.read(image.body()).getHeight()).isEqualTo(675);
		assertThat(web.get("/business/products/" + id).document().selectFirst("img[src^=/media/][src$=/cover-600.png]"))
			.isNotNull();
		assertThat(HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI
					.create("http://localhost:" + this.port + "/catalog/products/" + UUID.randomUUID() + "/image"))
				.build(), HttpResponse.BodyHandlers.discarding())
			.statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> upload(WebClient web, long id, String csrf, String filename, byte[] content)
			throws Exception {
		String boundary = "----atrium" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		Map<String, String> fields = new java.util.LinkedHashMap<>(productFields("With image"));
		fields.put("_csrf", csrf);
		for (Map.Entry<String, String> field : fields.entrySet()) {
			body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
					+ field.getValue() + "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"image\"; filename=\"" + filename
				+ "\"\r\nContent-Type: image/png\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/business/products/" + id))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Cookie", "ATRIUM_SESSION=" + web.cookie("ATRIUM_SESSION").getValue())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

}
