package io.atrium.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.catalog.Delivery;
import io.atrium.catalog.ImageChange;
import io.atrium.catalog.OfferDetails;
import io.atrium.catalog.Offers;
import io.atrium.catalog.PaymentMode;
import io.atrium.catalog.Product;
import io.atrium.catalog.ProductDetails;
import io.atrium.catalog.ProductFormat;
import io.atrium.catalog.ProductStatus;
import io.atrium.catalog.Products;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubModule;
import io.atrium.club.content.ModuleDetails;
import io.atrium.shared.EmailAddress;
import io.atrium.shared.Money;
import io.atrium.support.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Producers, products, offers and modules for the media tests, through the modules' own
 * services; multipart uploads and raw GETs over real HTTP.
 */
final class MediaShop {

	static final String PASSWORD = "media tests password";

	private final int port;

	private final Accounts accounts;

	private final Products products;

	private final Offers offers;

	private final ClubContent content;

	MediaShop(int port, Accounts accounts, Products products, Offers offers, ClubContent content) {
		this.port = port;
		this.accounts = accounts;
		this.products = products;
		this.offers = offers;
		this.content = content;
	}

	record Producer(long id, String email, WebClient web) {
	}

	Producer producer(String name) {
		String email = "media-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		long id = this.accounts
			.createActive(EmailAddress.of(email), name, PASSWORD, Locale.ENGLISH, Set.of(Role.PRODUCER))
			.id()
			.value();
		WebClient web = new WebClient(this.port).language("en");
		assertThat(web.logIn(email, PASSWORD).path()).isEqualTo("/business");
		return new Producer(id, email, web);
	}

	Product product(Producer producer, String name) {
		return this.products.create(producer.id(), new ProductDetails(name, "A course.", "help@example.com",
				ProductFormat.ONLINE_COURSE, ProductStatus.ACTIVE, 7, Delivery.membersArea()), ImageChange.keep());
	}

	String offer(Producer producer, Product product) {
		return this.offers
			.create(producer.id(), product.id(),
					new OfferDetails("Full course", Money.of(10000, "BRL"), PaymentMode.SINGLE, null, null))
			.code();
	}

	ClubModule module(Producer producer, Product product, String name) {
		return this.content.addModule(producer.id(), product.id(), new ModuleDetails(name, false, true));
	}

	/**
	 * POSTs a multipart form as a browser does, with the CSRF token of the page last
	 * fetched by the producer's client.
	 */
	HttpResponse<String> multipart(WebClient web, String path, Map<String, String> fields, Map<String, byte[]> files) {
		String csrf = web.get(formPage(path)).document().selectFirst("input[name=_csrf]").attr("value");
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", csrf);
		String boundary = "----media" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		all.forEach((key, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + key + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		files.forEach((key, bytes) -> {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + key
					+ "\"; filename=\"upload.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(bytes);
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		});
		body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.header("Accept", "text/html, application/json")
					.header("Accept-Language", "en")
					.header("Cookie", "ATRIUM_SESSION=" + web.cookie("ATRIUM_SESSION").getValue())
					.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
				HttpResponse.BodyHandlers.ofString());
	}

	/** A GET with no cookies, as anyone on the internet. */
	HttpResponse<byte[]> anonymousGet(String path, String ifNoneMatch) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
		if (ifNoneMatch != null) {
			request.header("If-None-Match", ifNoneMatch);
		}
		return send(request.GET(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static String formPage(String path) {
		if (path.equals("/business/media/lesson-images")) {
			return "/business/branding";
		}
		if (path.matches(".*/club/modules/\\d+")) {
			return path + "/edit";
		}
		if (path.endsWith("/club/modules")) {
			return path + "/new";
		}
		return path;
	}

	private static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> handler) {
		try {
			return HttpClient.newHttpClient().send(request.build(), handler);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
