package io.atrium.subscriptions;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.api.ApiCredentials;
import io.atrium.api.CreatedCredential;
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
import io.atrium.support.Eventually;
import io.atrium.support.RawHttp;
import io.atrium.support.TestClock;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer with a product and plans, real subscriptions bought through
 * {@link Checkout}, renewals run on the test clock, and calls to the compatible API with
 * the producer's bearer token (sent byte for byte with {@link RawHttp}).
 */
final class SubscriptionApiFixture {

	/** A card approved now whose stored method declines every later charge. */
	static final String RENEWAL_DECLINES = "4000000000349995";

	/** The approved test card. */
	static final String APPROVED = "4111111111111111";

	final Services services;

	final long producer;

	final Product product;

	final Offer monthly;

	final Offer trial;

	final Offer limited;

	final Offer weekly;

	private final CreatedCredential credential;

	private String token;

	private Instant tokenAt;

	/**
	 * The application's beans the fixture uses.
	 */
	record Services(int port, JsonMapper json, Accounts accounts, Products products, Offers offers, Checkout checkout,
			Subscriptions subscriptions, Renewals renewals, ApiCredentials credentials, TestClock clock) {

	}

	SubscriptionApiFixture(Services services) throws Exception {
		this.services = services;
		this.producer = services.accounts()
			.createActive(EmailAddress.of("producer-" + UUID.randomUUID() + "@example.com"), "Paula Producer",
					"correct horse battery", Locale.ENGLISH, Set.of(Role.PRODUCER))
			.id()
			.value();
		this.product = services.products()
			.create(this.producer, new ProductDetails("Monthly club", "A club.", "help@example.com",
					ProductFormat.SUBSCRIPTION, ProductStatus.ACTIVE, 7, Delivery.membersArea()), ImageChange.keep());
		this.monthly = plan("Monthly", 4990, new RecurringPlan(BillingPeriod.MONTHLY, null, 0));
		this.trial = plan("Trial", 4990, new RecurringPlan(BillingPeriod.MONTHLY, null, 60));
		this.limited = plan("Twelve months", 2990, new RecurringPlan(BillingPeriod.MONTHLY, 12, 0));
		this.weekly = plan("Weekly", 990, new RecurringPlan(BillingPeriod.WEEKLY, null, 0));
		this.credential = services.credentials().create(this.producer, "api test");
	}

	private Offer plan(String name, long amount, RecurringPlan plan) {
		return this.services.offers()
			.create(this.producer, this.product.id(),
					new OfferDetails(name, Money.of(amount, "BRL"), PaymentMode.RECURRING, plan, null));
	}

	/**
	 * @return a bearer token of the producer's credential, asked again when the test
	 * clock moved a day or more from when it was issued (tokens expire)
	 */
	String token() throws Exception {
		Instant now = this.services.clock().instant();
		if (this.token == null || Duration.between(this.tokenAt, now).abs().compareTo(Duration.ofDays(1)) > 0) {
			RawHttp.Response response = RawHttp.send(this.services.port(),
					"POST /security/oauth/token?grant_type=client_credentials HTTP/1.1\r\nAuthorization: Basic "
							+ this.credential.basicToken() + "\r\n",
					new byte[0]);
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			this.token = this.services.json().readTree(response.body()).path("access_token").asString();
			this.tokenAt = now;
		}
		return this.token;
	}

	/**
	 * Buys a plan at checkout and waits for its subscription.
	 */
	Subscription subscribe(Offer offer, String name, String card) {
		String email = name.toLowerCase(Locale.ROOT).replace(' ', '.') + "-" + UUID.randomUUID() + "@example.com";
		Purchase purchase = this.services.checkout()
			.checkout(new CheckoutRequest(UUID.randomUUID().toString(), offer.code(), null,
					new Buyer(name, email, "12345678909", Locale.ENGLISH), PaymentMethod.CARD,
					new CardDetails(card, name, 12, 2040, "123"), null));
		assertThat(purchase.status()).isEqualTo(PurchaseStatus.APPROVED);
		Eventually.until("the subscription of " + purchase.transaction() + " starts",
				() -> this.services.subscriptions()
					.ofBuyer(purchase.buyerAccountId())
					.stream()
					.anyMatch((s) -> s.firstTransaction().equals(purchase.transaction())));
		return this.services.subscriptions()
			.ofBuyer(purchase.buyerAccountId())
			.stream()
			.filter((s) -> s.firstTransaction().equals(purchase.transaction()))
			.findFirst()
			.orElseThrow();
	}

	Subscription subscribe(Offer offer, String name) {
		return subscribe(offer, name, APPROVED);
	}

	/** The subscription as stored now. */
	Subscription reload(Subscription s) {
		return this.services.subscriptions().get(Requester.producer(this.producer), s.code());
	}

	/**
	 * Moves the clock just past the subscription's next due charge and runs the renewals.
	 */
	Subscription renewDue(Subscription s) {
		Subscription now = reload(s);
		this.services.clock().set(now.nextAttemptAt().plus(Duration.ofMinutes(1)));
		// the scheduled run may hold it for a moment: run until it was processed
		Eventually.until("the renewal run processes " + s.code(), () -> {
			this.services.renewals().runDue();
			Instant next = reload(s).nextAttemptAt();
			return next == null || next.isAfter(this.services.clock().instant());
		});
		return reload(s);
	}

	/**
	 * Takes a subscription whose renewals decline to OVERDUE with two unpaid recurrences.
	 */
	Subscription twoUnpaid(Subscription s) {
		Subscription after = renewDue(s);
		for (int steps = 0; steps < 10
				&& (after.status() != SubscriptionStatus.OVERDUE || after.unpaidCount() < 2); steps++) {
			after = renewDue(after);
		}
		assertThat(after.status()).isEqualTo(SubscriptionStatus.OVERDUE);
		assertThat(after.unpaidCount()).isEqualTo(2);
		return after;
	}

	RawHttp.Response call(String method, String pathAndQuery) throws Exception {
		return call(method, pathAndQuery, null, "");
	}

	RawHttp.Response call(String method, String pathAndQuery, String contentType, String body) throws Exception {
		return send(token(), method, pathAndQuery, contentType, body);
	}

	RawHttp.Response send(String bearer, String method, String pathAndQuery, String contentType, String body)
			throws Exception {
		String head = method + " " + pathAndQuery + " HTTP/1.1\r\n"
				+ ((bearer != null) ? "Authorization: Bearer " + bearer + "\r\n" : "")
				+ ((contentType != null) ? "Content-Type: " + contentType + "\r\n" : "");
		return RawHttp.send(this.services.port(), head, body.getBytes(StandardCharsets.UTF_8));
	}

	/** Calls and checks the status; answers the JSON body. */
	JsonNode expect(int status, String method, String pathAndQuery) throws Exception {
		return expect(status, method, pathAndQuery, null, "");
	}

	JsonNode expect(int status, String method, String pathAndQuery, String contentType, String body) throws Exception {
		RawHttp.Response response = call(method, pathAndQuery, contentType, body);
		assertThat(response.status()).as(method + " " + pathAndQuery + " " + body + " -> " + response.body())
			.isEqualTo(status);
		return response.body().isEmpty() ? null : this.services.json().readTree(response.body());
	}

	/** A 4xx in the Hotmart body with the given error. */
	JsonNode expectError(int status, String error, String method, String pathAndQuery, String contentType, String body)
			throws Exception {
		JsonNode answer = expect(status, method, pathAndQuery, contentType, body);
		assertThat(answer.path("error").asString()).as(answer.toString()).isEqualTo(error);
		assertThat(answer.path("error_description").asString()).isNotBlank();
		assertThat(answer.path("message").asString()).isNotBlank();
		assertThat(answer.path("error_uri").asString()).startsWith("https://developers.hotmart.com/");
		return answer;
	}

}
