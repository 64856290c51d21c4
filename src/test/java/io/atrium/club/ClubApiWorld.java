package io.atrium.club;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.api.ApiCredentials;
import io.atrium.api.CreatedCredential;
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
import io.atrium.checkout.Buyer;
import io.atrium.checkout.CardDetails;
import io.atrium.checkout.Checkout;
import io.atrium.checkout.CheckoutRequest;
import io.atrium.checkout.PaymentMethod;
import io.atrium.club.content.ClubAreas;
import io.atrium.club.groups.Enrollments;
import io.atrium.shared.EmailAddress;
import io.atrium.shared.Money;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Producers with members areas, products, offers, buyers (through the real checkout) and
 * imported students, and a bearer-token caller, for the club API tests.
 */
final class ClubApiWorld {

	private final Accounts accounts;

	private final Products products;

	private final Offers offers;

	private final Checkout checkout;

	private final ClubAreas areas;

	private final ApiCredentials credentials;

	private final TestRestTemplate http;

	private final JsonMapper json;

	private final Enrollments enrollments;

	ClubApiWorld(Accounts accounts, Products products, Offers offers, Checkout checkout, ClubAreas areas,
			ApiCredentials credentials, TestRestTemplate http, JsonMapper json, Enrollments enrollments) {
		this.accounts = accounts;
		this.products = products;
		this.offers = offers;
		this.checkout = checkout;
		this.areas = areas;
		this.credentials = credentials;
		this.http = http;
		this.json = json;
		this.enrollments = enrollments;
	}

	static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	/** A producer with a members area at a fresh subdomain, and a token of its own. */
	Producer producer(String name) {
		long id = this.accounts
			.createActive(EmailAddress.of(unique("producer")), name, "club api test password", Locale.ENGLISH,
					Set.of(Role.PRODUCER))
			.id()
			.value();
		String subdomain = "club-" + UUID.randomUUID().toString().substring(0, 8);
		this.areas.change(id, subdomain, name + "'s club");
		return new Producer(id, subdomain, token(id));
	}

	/** A members-area course with one offer (its default group comes with it). */
	Course course(Producer producer, String name) {
		Product product = this.products.create(
				producer.id(), new ProductDetails(name, "About " + name, "help@example.com",
						ProductFormat.ONLINE_COURSE, ProductStatus.ACTIVE, 7, Delivery.membersArea()),
				ImageChange.keep());
		Offer offer = this.offers.create(producer.id(), product.id(),
				new OfferDetails("Full", Money.of(10000, "BRL"), PaymentMode.SINGLE, null, null));
		return new Course(product.id(), offer.id(), offer.code());
	}

	/** Another offer of the course. */
	Offer offer(Producer producer, Course course, String name) {
		return this.offers.create(producer.id(), course.productId(),
				new OfferDetails(name, Money.of(5000, "BRL"), PaymentMode.SINGLE, null, null));
	}

	/** Buys the offer with an approved card; returns the buyer's e-mail address. */
	String buy(String offerCode, String buyerName) {
		String email = unique("buyer");
		var purchase = this.checkout.checkout(new CheckoutRequest("club-api-test:" + UUID.randomUUID(), offerCode, null,
				new Buyer(buyerName, email, "12345678909", Locale.forLanguageTag("pt-BR")), PaymentMethod.CARD,
				new CardDetails("4111111111111111", buyerName, 12, 2099, "123"), null));
		assertThat(purchase.status().name()).isEqualTo("APPROVED");
		ClubShop.awaitEnrolled(this.enrollments, purchase.buyerAccountId(), purchase.id());
		return email;
	}

	/** A bearer token for the producer's API calls. */
	String token(long producer) {
		CreatedCredential credential = this.credentials.create(producer, "club api test");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
			.encodeToString(
					(credential.clientId() + ":" + credential.clientSecret()).getBytes(StandardCharsets.UTF_8)));
		ResponseEntity<String> response = this.http.exchange(
				"/security/oauth/token?grant_type=client_credentials&client_id=" + credential.clientId()
						+ "&client_secret=" + credential.clientSecret(),
				HttpMethod.POST, new HttpEntity<>(null, headers), String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return this.json.readTree(response.getBody()).path("access_token").asString();
	}

	ResponseEntity<String> call(Producer caller, HttpMethod method, String path, String idempotencyKey, String body) {
		HttpHeaders headers = new HttpHeaders();
		if (caller != null) {
			headers.setBearerAuth(caller.token());
		}
		if (idempotencyKey != null) {
			headers.set("Idempotency-Key", idempotencyKey);
		}
		if (body != null) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		return this.http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
	}

	/** Calls, checks the status and reads the JSON answer. */
	JsonNode expect(int status, Producer caller, HttpMethod method, String path, String idempotencyKey, String body) {
		ResponseEntity<String> response = call(caller, method, path, idempotencyKey, body);
		assertThat(response.getStatusCode().value()).as(method + " " + path + ": " + response.getBody())
			.isEqualTo(status);
		return (response.getBody() != null) ? this.json.readTree(response.getBody()) : null;
	}

	JsonNode get(Producer caller, String path) {
		return expect(200, caller, HttpMethod.GET, path, null, null);
	}

	record Producer(long id, String subdomain, String token) {
	}

	record Course(long productId, long offerId, String offerCode) {
	}

}
