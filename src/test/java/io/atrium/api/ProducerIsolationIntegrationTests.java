package io.atrium.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.catalog.BillingPeriod;
import io.atrium.catalog.Delivery;
import io.atrium.catalog.ImageChange;
import io.atrium.catalog.Offer;
import io.atrium.catalog.OfferDetails;
import io.atrium.catalog.Offers;
import io.atrium.catalog.PaymentMode;
import io.atrium.catalog.Product;
import io.atrium.catalog.ProductDetails;
import io.atrium.catalog.ProductFormat;
import io.atrium.catalog.ProductStatus;
import io.atrium.catalog.Products;
import io.atrium.catalog.RecurringPlan;
import io.atrium.checkout.Buyer;
import io.atrium.checkout.CardDetails;
import io.atrium.checkout.Checkout;
import io.atrium.checkout.CheckoutRequest;
import io.atrium.checkout.PaymentMethod;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.shared.EmailAddress;
import io.atrium.shared.Money;
import io.atrium.subscriptions.Subscriptions;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Eventually;
import io.atrium.support.WebClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two producers, each with a product, an offer, a subscriber, a coupon, a members-area
 * group, module and student, a webhook endpoint and API credentials. Producer A calls
 * every path of the OpenAPI document, every Hotmart-compatible endpoint hidden from it,
 * and opens every business page, with producer B's ids and codes: no answer is a 5xx, no
 * successful answer shows anything of B, and B's data read through B's own token is the
 * same afterwards.
 */
@AtriumIntegrationTest
@AutoConfigureTestRestTemplate
@TestPropertySource(properties = { "atrium.api.rate-limit-per-minute=100000",
		"atrium.webhooks.allow-private-addresses=true", "atrium.webhooks.allow-http=true" })
class ProducerIsolationIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	private static final String[] COMPATIBLE_PREFIXES = { "/payments/api/", "/products/api/", "/club/api/",
			"/events/api/" };

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

	@Autowired
	TestRestTemplate http;

	@Autowired
	ApiCredentials credentials;

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

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@LocalServerPort
	int port;

	private final JsonMapper json = JsonMapper.builder().build();

	private ApiTestClient client;

	@Test
	void producerAReachesNothingOfProducerB() {
		this.client = new ApiTestClient(this.http, this.json, this.credentials);
		Shop a = shop("Alpha");
		Shop b = shop("Bravo");
		Map<String, String> before = b.snapshot();
		List<String> failures = new ArrayList<>();

		JsonNode document = this.json.readTree(this.http.getForEntity("/v3/api-docs", String.class).getBody());
		Set<String> calls = new TreeSet<>();
		document.path("paths").properties().forEach((path) -> path.getValue().properties().forEach((operation) -> {
			calls.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
		}));
		assertThat(calls).hasSizeGreaterThan(50);
		Set<String> compatible = handlerPatterns((pattern) -> isCompatible(pattern), true);
		assertThat(compatible).hasSizeGreaterThan(20);
		calls.addAll(compatible);
		for (String call : calls) {
			String method = call.substring(0, call.indexOf(' '));
			String pattern = call.substring(call.indexOf(' ') + 1);
			if (pattern.startsWith("/api/v1/checkout")) {
				continue; // public buying, not producer data
			}
			String path = b.fill(pattern);
			String body = "GET".equals(method) || "DELETE".equals(method) ? null : b.probeBody();
			ResponseEntity<String> response = this.client.call(HttpMethod.valueOf(method), path, a.token,
					"GET".equals(method) ? null : "isolation-" + UUID.randomUUID(), body);
			check(failures, method + " " + path + " " + ((body != null) ? body : ""), response.getStatusCode().value(),
					response.getBody(), b);
		}

		// the same reads with A's own ids succeed: the paths are filled with real ids and
		// A's token is good, so the refusals above are isolation, not broken requests
		int ownReads = 0;
		for (String call : calls) {
			if (call.startsWith("GET ")) {
				ResponseEntity<String> response = this.client.call(HttpMethod.GET, a.fill(call.substring(4)), a.token);
				ownReads += response.getStatusCode().is2xxSuccessful() ? 1 : 0;
			}
		}
		assertThat(ownReads).isGreaterThan(30);

		WebClient web = new WebClient(this.port);
		assertThat(web.logIn(a.email, PASSWORD).path()).isEqualTo("/business");
		Set<String> pages = handlerPatterns((pattern) -> pattern.startsWith("/business/") && pattern.contains("{"),
				false);
		assertThat(pages).hasSizeGreaterThan(10);
		for (String page : pages) {
			String path = b.fill(page.substring(page.indexOf(' ') + 1));
			WebClient.Page answer = web.get(path);
			String what = "page " + path;
			check(failures, what, answer.status(), answer.body(), b);
			if (answer.status() == 200) {
				failures.add(what + " -> 200 for another producer's ids");
			}
		}

		assertThat(failures).as(String.join("\n", failures)).isEmpty();
		assertThat(b.snapshot()).isEqualTo(before);
	}

	private void check(List<String> failures, String what, int status, String body, Shop b) {
		String text = (body != null) ? body : "";
		if (status >= 500) {
			failures.add(what + " -> " + status + " " + abbreviate(text));
		}
		if (status == 401) {
			failures.add(what + " -> 401: A's credentials were not accepted");
		}
		if (status >= 200 && status < 300) {
			Matcher id = b.ids().matcher(text);
			if (id.find()) {
				failures.add(what + " -> " + status + " shows B's " + id.group() + ": " + abbreviate(text));
			}
			for (String marker : b.markers()) {
				// an identifier the caller sent may be echoed back (e.g. "not found: X")
				if (text.contains(marker) && !what.contains(marker)) {
					failures.add(what + " -> " + status + " shows B's " + marker + ": " + abbreviate(text));
				}
			}
		}
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "…" : text;
	}

	private static boolean isCompatible(String pattern) {
		for (String prefix : COMPATIBLE_PREFIXES) {
			if (pattern.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @return "METHOD pattern" of the handler mappings the filter keeps (GET only when
	 * asked)
	 */
	private Set<String> handlerPatterns(java.util.function.Predicate<String> keep, boolean everyMethod) {
		Set<String> found = new TreeSet<>();
		this.mappings.getHandlerMethods().keySet().forEach((info) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (String pattern : info.getPatternValues()) {
				if (!keep.test(pattern)) {
					continue;
				}
				if (!everyMethod) {
					if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
						found.add("GET " + pattern);
					}
					continue;
				}
				for (RequestMethod method : methods.isEmpty()
						? Set.of(RequestMethod.GET, RequestMethod.POST, RequestMethod.DELETE) : methods) {
					found.add(method.name() + " " + pattern);
				}
			}
		});
		return found;
	}

	private Shop shop(String name) {
		String tag = name + "-" + UUID.randomUUID().toString().substring(0, 8);
		String email = "producer-" + tag.toLowerCase(Locale.ROOT) + "@example.com";
		long producer = this.accounts
			.createActive(EmailAddress.of(email), name + " Producer " + tag, PASSWORD, Locale.ENGLISH,
					Set.of(Role.PRODUCER))
			.id()
			.value();
		Product product = this.products.create(producer,
				new ProductDetails("Product " + tag, "A club of " + tag + ".", "help-" + tag + "@example.com",
						ProductFormat.SUBSCRIPTION, ProductStatus.ACTIVE, 7, Delivery.membersArea()),
				ImageChange.keep());
		Offer offer = this.offers.create(producer, product.id(), new OfferDetails("Plan " + tag, Money.of(4990, "BRL"),
				PaymentMode.RECURRING, new RecurringPlan(BillingPeriod.MONTHLY, null, 0), null));
		CreatedCredential credential = this.client.credential(producer);
		Shop shop = new Shop(tag, email, producer, product, offer, credential, this.client.token(credential));
		shop.endpointId = shop
			.create("/api/v1/webhooks/endpoints",
					"{\"url\":\"http://127.0.0.1:9/hook-" + tag + "\",\"description\":\"Hook " + tag
							+ "\",\"events\":[\"PURCHASE_APPROVED\"]}")
			.path("endpoint")
			.path("id")
			.asLong();
		Purchase purchase = this.checkout.checkout(new CheckoutRequest(UUID.randomUUID().toString(), offer.code(), null,
				new Buyer("Buyer " + tag, "buyer-" + tag.toLowerCase(Locale.ROOT) + "@example.com", null,
						Locale.ENGLISH),
				PaymentMethod.CARD, new CardDetails("4111111111111111", "Buyer", 12, 2035, "123"), null));
		assertThat(purchase.status()).isEqualTo(PurchaseStatus.APPROVED);
		shop.transaction = purchase.transaction();
		shop.buyer = purchase.buyerAccountId();
		Eventually.until("the subscription starts", () -> !this.subscriptions.ofBuyer(shop.buyer).isEmpty());
		shop.subscriberCode = this.subscriptions.ofBuyer(shop.buyer).get(0).code();
		String products = "/api/v1/products/" + product.id();
		shop.couponCode = ("C" + tag.replace("-", "")).toUpperCase(Locale.ROOT).substring(0, 12);
		shop.couponId = shop.create(products + "/coupons", "{\"code\":\"" + shop.couponCode + "\",\"discount\":0.1}")
			.path("id")
			.asLong();
		shop.groupId = shop.create(products + "/club/groups", "{\"name\":\"Group " + tag + "\"}").path("id").asLong();
		shop.moduleId = shop.create(products + "/club/modules", "{\"name\":\"Module " + tag + "\"}")
			.path("id")
			.asString();
		shop.studentEmail = "student-" + tag.toLowerCase(Locale.ROOT) + "@example.com";
		JsonNode student = shop.create(products + "/club/students", "{\"email\":\"" + shop.studentEmail
				+ "\",\"name\":\"Student " + tag + "\",\"group_id\":" + shop.groupId + "}");
		shop.studentId = student.path("student").path("id").asString();
		shop.userId = student.path("student").path("user_id").asString(shop.studentId);
		Eventually.until("a webhook delivery is recorded",
				() -> shop.get("/api/v1/webhooks/deliveries").path("items").size() > 0);
		shop.deliveryId = shop.get("/api/v1/webhooks/deliveries").path("items").get(0).path("id").asString();
		return shop;
	}

	/** One producer's data and what marks it. */
	final class Shop {

		final String tag;

		final String email;

		final long producer;

		final Product product;

		final Offer offer;

		final CreatedCredential credential;

		final String token;

		long endpointId;

		String transaction;

		long buyer;

		String subscriberCode;

		String couponCode;

		long couponId;

		long groupId;

		String moduleId;

		String clubModuleId;

		String studentEmail;

		String studentId;

		String userId;

		String deliveryId;

		Shop(String tag, String email, long producer, Product product, Offer offer, CreatedCredential credential,
				String token) {
			this.tag = tag;
			this.email = email;
			this.producer = producer;
			this.product = product;
			this.offer = offer;
			this.credential = credential;
			this.token = token;
		}

		JsonNode create(String path, String body) {
			ResponseEntity<String> response = ProducerIsolationIntegrationTests.this.client.call(HttpMethod.POST, path,
					this.token, "setup-" + UUID.randomUUID(), body);
			assertThat(response.getStatusCode().is2xxSuccessful()).as(path + " -> " + response.getBody()).isTrue();
			return ProducerIsolationIntegrationTests.this.json.readTree(response.getBody());
		}

		JsonNode get(String path) {
			ResponseEntity<String> response = ProducerIsolationIntegrationTests.this.client.call(HttpMethod.GET, path,
					this.token);
			assertThat(response.getStatusCode()).as(path + " -> " + response.getBody()).isEqualTo(HttpStatus.OK);
			return ProducerIsolationIntegrationTests.this.json.readTree(response.getBody());
		}

		/** Texts only this producer's data holds. */
		List<String> markers() {
			return List.of(this.tag, this.offer.code(), this.product.ucode().toString(), this.transaction,
					this.subscriberCode, this.couponCode, this.studentEmail, this.credential.clientId());
		}

		/** This producer's numeric ids as JSON fields show them. */
		Pattern ids() {
			String ids = String.join("|", "\"product_id\":\\s*\"?" + this.product.id(),
					"\"group_id\":\\s*\"?" + this.groupId, "\"endpoint_id\":\\s*\"?" + this.endpointId,
					"\"offer_id\":\\s*\"?" + this.offer.id());
			return Pattern.compile("(" + ids + ")(?![0-9])");
		}

		/** A path pattern with this producer's ids in its variables. */
		String fill(String pattern) {
			Matcher matcher = VARIABLE.matcher(pattern);
			StringBuilder path = new StringBuilder();
			while (matcher.find()) {
				String before = pattern.substring(0, matcher.start());
				matcher.appendReplacement(path, Matcher.quoteReplacement(value(matcher.group(1), before)));
			}
			matcher.appendTail(path);
			return path.toString().replace("/**", "/x");
		}

		private String value(String name, String before) {
			String previous = before.replaceAll("/+$", "");
			previous = previous.substring(previous.lastIndexOf('/') + 1);
			return switch (name) {
				case "productId", "product_id" -> String.valueOf(this.product.id());
				case "ucode" -> this.product.ucode().toString();
				case "offerCode", "offer_code" -> this.offer.code();
				case "offerId" -> String.valueOf(this.offer.id());
				case "couponId", "coupon_id" -> String.valueOf(this.couponId);
				case "groupId", "group_id" -> String.valueOf(this.groupId);
				case "moduleId" -> this.moduleId;
				case "module_id" -> this.clubModuleId;
				case "studentId" -> this.studentId;
				case "userId", "user_id" -> this.userId;
				case "subscriber_code", "subscriberCode" -> this.subscriberCode;
				case "transaction", "transaction_code" -> this.transaction;
				case "chargeId" -> this.transaction;
				case "id" -> switch (previous) {
					case "credentials" -> String.valueOf(this.credential.id());
					case "endpoints" -> String.valueOf(this.endpointId);
					case "deliveries" -> this.deliveryId;
					case "groups" -> String.valueOf(this.groupId);
					case "coupons", "coupon" -> String.valueOf(this.couponId);
					case "offers" -> String.valueOf(this.offer.id());
					default -> String.valueOf(this.product.id());
				};
				case "code" -> switch (previous) {
					case "subscriptions" -> this.subscriberCode;
					case "sales", "purchases", "transactions" -> this.transaction;
					case "coupons", "coupon" -> this.couponCode;
					default -> this.offer.code();
				};
				default -> String.valueOf(this.product.id());
			};
		}

		/** A small write body that names this producer's things wherever a field can. */
		String probeBody() {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("name", "Probe");
			body.put("code", "PROBE" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT));
			body.put("discount", 0.5);
			body.put("url", "http://127.0.0.1:9/probe");
			body.put("subscriber_code", List.of(this.subscriberCode));
			body.put("send_mail", false);
			body.put("charge", false);
			body.put("due_day", 10);
			body.put("product_id", this.product.id());
			body.put("offer_code", this.offer.code());
			body.put("offer_ids", List.of(this.offer.id()));
			body.put("group_id", this.groupId);
			body.put("email", this.studentEmail);
			body.put("students", List.of(Map.of("email", this.studentEmail)));
			body.put("student_ids", List.of(this.studentId));
			body.put("delivery_ids", List.of(this.deliveryId));
			body.put("endpoint_id", this.endpointId);
			return ProducerIsolationIntegrationTests.this.json.writeValueAsString(body);
		}

		/** What this producer's own token reads of its data, path by path. */
		Map<String, String> snapshot() {
			Map<String, String> snapshot = new LinkedHashMap<>();
			String products = "/api/v1/products/" + this.product.id();
			for (String path : List.of(products, products + "/offers", products + "/offers/" + this.offer.id(),
					products + "/coupons", products + "/club/groups", products + "/club/modules",
					products + "/club/rules", products + "/club/students",
					products + "/club/students/" + this.studentId, "/api/v1/webhooks/endpoints/" + this.endpointId,
					"/api/v1/credentials", "/api/v1/purchases/" + this.transaction, "/payments/api/v1/subscriptions",
					"/payments/api/v1/subscriptions/" + this.subscriberCode + "/purchases",
					"/products/api/v1/coupon/product/" + this.product.id())) {
				snapshot.put(path, get(path).toString());
			}
			return snapshot;
		}

	}

}
