package io.atrium.media;

import java.awt.Color;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Product;
import io.atrium.catalog.ProductSummary;
import io.atrium.catalog.Products;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubModule;
import io.atrium.support.AtriumIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Images over real HTTP on a real database: uploaded, resized, served at addresses cached
 * for ever with 304 answers; refused with a message; kept to their producer; the product
 * images stored before the media module still served at their old address.
 */
@AtriumIntegrationTest
class MediaIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Products products;

	@Autowired
	Offers offers;

	@Autowired
	ClubContent content;

	@Autowired
	Images images;

	@Autowired
	Branding branding;

	@Autowired
	JdbcClient jdbc;

	MediaShop shop;

	@BeforeEach
	void shop() {
		this.shop = new MediaShop(this.port, this.accounts, this.products, this.offers, this.content);
	}

	@Test
	void aBrandIsSavedServedWithCachingHeadersAndRevalidatedWith304() {
		MediaShop.Producer ana = this.shop.producer("Ana Artes");
		assertThat(ana.web().get("/business").document().selectFirst("a[href=/business/branding]")).isNotNull();
		HttpResponse<String> saved = this.shop.multipart(ana.web(), "/business/branding",
				Map.of("name", "Ana Artes Studio", "color", "#FFD600"),
				Map.of("logo", TestImages.png(1000, 400, Color.BLUE), "favicon", TestImages.jpeg(300, 300)));
		assertThat(saved.statusCode()).isEqualTo(302);

		Brand brand = this.branding.forProducer(ana.id()).orElseThrow();
		assertThat(brand.name()).isEqualTo("Ana Artes Studio");
		assertThat(brand.logoUrl()).matches("/media/[0-9a-f]{32}/logo\\.png");
		assertThat(brand.faviconUrl()).matches("/media/[0-9a-f]{32}/favicon-32\\.png");
		Document page = ana.web().get("/business/branding").document();
		assertThat(page.selectFirst("#brand-saved").text()).isEqualTo("Your brand is saved.");
		assertThat(page.selectFirst("#brand-logo-current").attr("src")).isEqualTo(brand.logoUrl());
		assertThat(page.selectFirst("#brand-color").attr("value")).isEqualTo("#ffd600");
		assertThat(page.selectFirst("#brand-computed").text()).contains("#000000");

		HttpResponse<byte[]> logo = this.shop.anonymousGet(brand.logoUrl(), null);
		assertThat(logo.statusCode()).isEqualTo(200);
		assertThat(logo.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(logo.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
		assertThat(logo.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(logo.headers().firstValue("Set-Cookie")).isEmpty();
		String etag = logo.headers().firstValue("ETag").orElseThrow();
		assertThat(TestImages.read(logo.body()).getHeight()).isEqualTo(96);
		assertThat(TestImages.read(logo.body()).getWidth()).isEqualTo(240);
		HttpResponse<byte[]> again = this.shop.anonymousGet(brand.logoUrl(), etag);
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();

		HttpResponse<byte[]> favicon = this.shop.anonymousGet(brand.faviconUrl(), null);
		assertThat(favicon.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(TestImages.read(favicon.body()).getWidth()).isEqualTo(32);
		assertThat(this.shop.anonymousGet(brand.faviconUrl().replace("favicon-32", "icon-180"), null).statusCode())
			.isEqualTo(200);
		assertThat(this.shop.anonymousGet(brand.logoUrl().replace(".png", ".jpg"), null).statusCode()).isEqualTo(404);
		assertThat(this.shop.anonymousGet(brand.logoUrl().replace("logo", "cover-1200"), null).statusCode())
			.isEqualTo(404);

		HttpResponse<byte[]> css = this.shop.anonymousGet(brand.stylesheetUrl(), null);
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
		assertThat(css.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
		assertThat(new String(css.body(), StandardCharsets.UTF_8)).contains("--atrium-brand: #ffd600;",
				"--atrium-brand-contrast: #000000;", "--bs-primary-rgb:", "--bs-link-color:", ".btn-primary");
		assertThat(this.shop.anonymousGet(brand.stylesheetUrl(), css.headers().firstValue("ETag").orElseThrow())
			.statusCode()).isEqualTo(304);

		// a change is a new version; the old style sheet address is gone
		HttpResponse<String> removed = this.shop.multipart(ana.web(), "/business/branding",
				Map.of("name", "Ana Artes Studio", "color", "", "removeLogo", "true"), Map.of());
		assertThat(removed.statusCode()).isEqualTo(302);
		Brand plain = this.branding.forProducer(ana.id()).orElseThrow();
		assertThat(plain.logoUrl()).isNull();
		assertThat(plain.faviconUrl()).isEqualTo(brand.faviconUrl());
		assertThat(plain.stylesheetUrl()).isNotEqualTo(brand.stylesheetUrl());
		assertThat(this.shop.anonymousGet(brand.stylesheetUrl(), null).statusCode()).isEqualTo(404);
		assertThat(new String(this.shop.anonymousGet(plain.stylesheetUrl(), null).body(), StandardCharsets.UTF_8))
			.doesNotContain("--bs-primary");
		assertThat(this.shop.anonymousGet(brand.logoUrl(), null).statusCode()).isEqualTo(404);
	}

	@Test
	void badUploadsAreRefusedWithAClearMessageAndNothingIsSaved() {
		MediaShop.Producer bruno = this.shop.producer("Bruno Bad");
		Map<String, String> fields = Map.of("name", "Bruno", "color", "#123456");
		assertRefused(bruno, fields, Map.of("logo", "<svg onload=alert(1)>".getBytes()), "#brand-logo-error",
				"The image must be a PNG, JPEG or WebP file.");
		assertRefused(bruno, fields, Map.of("logo", new byte[2 * 1024 * 1024 + 1]), "#brand-logo-error",
				"The image can have at most 2 MB.");
		assertRefused(bruno, fields, Map.of("favicon", TestImages.pngClaiming(20_000, 20_000)), "#brand-favicon-error",
				"at most 25 million pixels");
		byte[] damaged = new byte[64];
		System.arraycopy(TestImages.png(1, 1, Color.RED), 0, damaged, 0, 8);
		assertRefused(bruno, fields, Map.of("logo", damaged), "#brand-logo-error", "could not be read");
		assertRefused(bruno, Map.of("name", "Bruno", "color", "#12345"), Map.of(), "#brand-color-error",
				"six hexadecimal digits");
		assertRefused(bruno, Map.of("name", " ", "color", ""), Map.of(), "#brand-name-error", "1 to 100 characters");
		assertThat(this.branding.forProducer(bruno.id())).isEmpty();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM media_images WHERE producer_account_id = ?")
			.param(bruno.id())
			.query(Long.class)
			.single()).isZero();

		HttpResponse<String> lesson = this.shop.multipart(bruno.web(), "/business/media/lesson-images", Map.of(),
				Map.of("image", "GIF89a not really".getBytes()));
		assertThat(lesson.statusCode()).isEqualTo(422);
		assertThat(json(lesson.body()).path("message").asString())
			.isEqualTo("The image must be a PNG, JPEG or WebP file.");
	}

	@Test
	void moduleCoversAndLessonImagesBelongToTheirProducer() {
		MediaShop.Producer carla = this.shop.producer("Carla Cover");
		Product product = this.shop.product(carla, "Watercolour");
		ClubModule module = this.shop.module(carla, product, "Skies");
		String modulePath = "/business/products/" + product.id() + "/club/modules/" + module.id();
		HttpResponse<String> saved = this.shop.multipart(carla.web(), modulePath,
				Map.of("name", "Skies", "published", "true"), Map.of("cover", TestImages.jpeg(1600, 900)));
		assertThat(saved.statusCode()).isEqualTo(302);
		ClubModule withCover = this.content.module(carla.id(), module.id());
		assertThat(withCover.coverUrl()).matches("/media/[0-9a-f]{32}/cover-1200\\.jpg");
		assertThat(withCover.coverThumbnailUrl()).endsWith("/cover-600.jpg");
		HttpResponse<byte[]> cover = this.shop.anonymousGet(withCover.coverUrl(), null);
		assertThat(cover.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(TestImages.read(cover.body()).getWidth()).isEqualTo(1200);
		assertThat(carla.web().get(modulePath + "/edit").document().selectFirst("img.media-cover-preview").attr("src"))
			.isEqualTo(withCover.coverThumbnailUrl());

		HttpResponse<String> refused = this.shop.multipart(carla.web(), modulePath, Map.of("name", "Skies"),
				Map.of("cover", "not an image".getBytes()));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(Jsoup.parse(refused.body()).selectFirst("#module-cover-error").text())
			.isEqualTo("The image must be a PNG, JPEG or WebP file.");
		assertThat(this.content.module(carla.id(), module.id()).coverImage()).isEqualTo(withCover.coverImage());

		HttpResponse<String> lesson = this.shop.multipart(carla.web(), "/business/media/lesson-images", Map.of(),
				Map.of("image", TestImages.png(400, 300, Color.GREEN)));
		assertThat(lesson.statusCode()).isEqualTo(201);
		String lessonUrl = json(lesson.body()).path("url").asString();
		assertThat(lessonUrl).matches("/media/[0-9a-f]{32}/large\\.png");
		HttpResponse<byte[]> lessonImage = this.shop.anonymousGet(lessonUrl, null);
		assertThat(lessonImage.statusCode()).isEqualTo(200);
		assertThat(lessonImage.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, private, immutable");
		assertThat(lessonImage.headers().firstValue("X-Robots-Tag")).hasValue("noindex");

		// another producer: 404 for Carla's module, and her images are not theirs to
		// delete
		MediaShop.Producer dario = this.shop.producer("Dario Other");
		assertThat(dario.web().get(modulePath + "/edit").status()).isEqualTo(404);
		assertThat(this.shop
			.multipart(dario.web(), "/business/products/" + this.shop.product(dario, "Mine").id() + "/club/modules",
					Map.of("name", "Mine"), Map.of())
			.statusCode()).isEqualTo(302);
		String ref = withCover.coverImage();
		assertThat(this.images.find(dario.id(), ref)).isEmpty();
		assertThat(this.images.delete(dario.id(), ref)).isFalse();
		assertThat(this.images.find(carla.id(), ref)).isPresent();
		assertThat(this.shop.anonymousGet(withCover.coverUrl(), null).statusCode()).isEqualTo(200);

		// removing the cover deletes it
		assertThat(
				this.shop.multipart(carla.web(), modulePath, Map.of("name", "Skies", "removeCover", "true"), Map.of())
					.statusCode())
			.isEqualTo(302);
		assertThat(this.content.module(carla.id(), module.id()).coverUrl()).isNull();
		assertThat(this.shop.anonymousGet(withCover.coverUrl(), null).statusCode()).isEqualTo(404);
	}

	@Test
	void theBrandShowsOnTheCheckoutPage() {
		MediaShop.Producer elena = this.shop.producer("Elena Brand");
		String offer = this.shop.offer(elena, this.shop.product(elena, "Pottery"));
		assertThat(this.shop.anonymousGet("/checkout/" + offer, null).statusCode()).isEqualTo(200);
		assertThat(Jsoup
			.parse(new String(this.shop.anonymousGet("/checkout/" + offer, null).body(), StandardCharsets.UTF_8))
			.select("img.atrium-brand-logo")).isEmpty();
		this.shop.multipart(elena.web(), "/business/branding", Map.of("name", "Elena Pottery", "color", "#7b1fa2"),
				Map.of("logo", TestImages.png(300, 100, Color.MAGENTA)));
		Brand brand = this.branding.forProducer(elena.id()).orElseThrow();
		Document checkout = Jsoup
			.parse(new String(this.shop.anonymousGet("/checkout/" + offer, null).body(), StandardCharsets.UTF_8));
		assertThat(checkout.selectFirst("img.atrium-brand-logo").attr("src")).isEqualTo(brand.logoUrl());
		assertThat(checkout.selectFirst("img.atrium-brand-logo").attr("alt")).isEqualTo("Elena Pottery");
		assertThat(checkout.select("link[rel=stylesheet]").eachAttr("href")).contains(brand.stylesheetUrl());
	}

	@Test
	void productImagesStoredBeforeTheMediaModuleKeepTheirAddress() throws Exception {
		MediaShop.Producer fabio = this.shop.producer("Fabio Legacy");
		Product product = this.shop.product(fabio, "Old photo course");
		byte[] legacy = TestImages.png(640, 480, Color.ORANGE);
		this.jdbc.sql("CREATE TABLE catalog_product_images (product_id BIGINT NOT NULL PRIMARY KEY, "
				+ "content_type VARCHAR(20) NOT NULL, bytes BYTEA NOT NULL, updated_at TIMESTAMP WITH TIME ZONE NOT NULL)")
			.update();
		this.jdbc
			.sql("INSERT INTO catalog_product_images (product_id, content_type, bytes, updated_at) "
					+ "VALUES (?, 'image/png', ?, ?)")
			.params(product.id(), legacy, Timestamp.from(Instant.now()))
			.update();
		// the schema as that migration found it: variants and blobs had no producer
		// column yet
		// (a later migration backfills it, replayed for them below)
		for (String table : List.of("media_variants", "media_blobs")) {
			this.jdbc.sql("ALTER TABLE " + table + " ALTER COLUMN producer_account_id DROP NOT NULL").update();
		}
		for (String statement : migrationStatements("catalog_product_images_to_media")) {
			if (!statement.startsWith("ALTER TABLE")) {
				this.jdbc.sql(statement).update();
			}
		}
		for (String statement : migrationStatements("tenant_tables_producer_key")) {
			if (statement.startsWith("UPDATE media_") || statement.startsWith("DELETE FROM media_")) {
				this.jdbc.sql(statement).update();
			}
		}
		for (String table : List.of("media_variants", "media_blobs")) {
			this.jdbc.sql("ALTER TABLE " + table + " ALTER COLUMN producer_account_id SET NOT NULL").update();
		}
		assertThat(this.jdbc.sql("SELECT DISTINCT producer_account_id FROM media_blobs WHERE blob_name = ?")
			.param(product.ucode().toString().replace("-", "") + "/original")
			.query(Long.class)
			.list()).containsExactly(fabio.id());

		HttpResponse<byte[]> old = this.shop.anonymousGet("/catalog/products/" + product.ucode() + "/image", null);
		assertThat(old.statusCode()).isEqualTo(200);
		assertThat(old.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(old.body()).isEqualTo(legacy);
		ProductSummary summary = this.products.own(fabio.id(), product.id()).summary();
		assertThat(summary.coverUrl())
			.isEqualTo("/media/" + product.ucode().toString().replace("-", "") + "/cover-1200.png");
		HttpResponse<byte[]> cover = this.shop.anonymousGet(summary.coverUrl(), null);
		assertThat(cover.body()).isEqualTo(legacy);
		assertThat(cover.headers().firstValue("Cache-Control")).hasValue("max-age=31536000, public, immutable");
		assertThat(this.shop.anonymousGet(summary.coverThumbnailUrl(), null).statusCode()).isEqualTo(200);
		assertThat(this.images.find(fabio.id(), summary.imageRef())).isPresent();
	}

	private void assertRefused(MediaShop.Producer producer, Map<String, String> fields, Map<String, byte[]> files,
			String errorSelector, String message) {
		HttpResponse<String> answer = this.shop.multipart(producer.web(), "/business/branding", fields, files);
		assertThat(answer.statusCode()).isEqualTo(422);
		Document page = Jsoup.parse(answer.body());
		assertThat(page.selectFirst(errorSelector)).as(errorSelector).isNotNull();
		assertThat(page.selectFirst(errorSelector).text()).contains(message);
		assertThat(page.selectFirst("#brand-problem")).isNotNull();
	}

	private static List<String> migrationStatements(String name) throws Exception {
		Resource[] found = new PathMatchingResourcePatternResolver()
			.getResources("classpath:db/migration/V*__" + name + ".sql");
		assertThat(found).hasSize(1);
		String sql = found[0].getContentAsString(StandardCharsets.UTF_8);
		String code = sql.lines().filter((line) -> !line.strip().startsWith("--")).collect(Collectors.joining("\n"));
		return Arrays.stream(code.split(";")).map(String::strip).filter((statement) -> !statement.isEmpty()).toList();
	}

	private static JsonNode json(String body) {
		return JsonMapper.builder().build().readTree(body);
	}

}
