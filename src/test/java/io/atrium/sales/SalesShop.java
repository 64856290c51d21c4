package io.atrium.sales;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.api.ApiCredentials;
import io.atrium.api.CreatedCredential;
import io.atrium.catalog.CouponDetails;
import io.atrium.catalog.Coupons;
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
import io.atrium.checkout.Purchase;
import io.atrium.shared.EmailAddress;
import io.atrium.shared.Money;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Producers, products and real purchases through the checkout (the sandbox gateway), for
 * the sales tests.
 */
final class SalesShop {

	static final String PASSWORD = "sales test password";

	static final String APPROVED_CARD = "4111111111111111";

	static final String DECLINED_CARD = "4000000000000002";

	private final Accounts accounts;

	private final Products products;

	private final Offers offers;

	private final Coupons coupons;

	private final Checkout checkout;

	SalesShop(Accounts accounts, Products products, Offers offers, Coupons coupons, Checkout checkout) {
		this.accounts = accounts;
		this.products = products;
		this.offers = offers;
		this.coupons = coupons;
		this.checkout = checkout;
	}

	static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	/** A producer account that can sign in. */
	Seller producer(String name) {
		String email = unique("producer");
		long id = this.accounts
			.createActive(EmailAddress.of(email), name, PASSWORD, Locale.ENGLISH, Set.of(Role.PRODUCER))
			.id()
			.value();
		return new Seller(id, email, name);
	}

	/** An active product with one single-payment offer at that price. */
	Item item(Seller seller, String name, Money price) {
		Product product = this.products.create(seller.id(), new ProductDetails(name, "About " + name,
				"help@example.com", ProductFormat.ONLINE_COURSE, ProductStatus.ACTIVE, 7, Delivery.membersArea()),
				ImageChange.keep());
		Offer offer = this.offers.create(seller.id(), product.id(),
				new OfferDetails("Full", price, PaymentMode.SINGLE, null, null));
		return new Item(product.id(), offer.code(), name);
	}

	String coupon(Seller seller, Item item, String code, String discount) {
		return this.coupons
			.create(seller.id(), item.productId(),
					new CouponDetails(code, new BigDecimal(discount), null, null, Set.of()))
			.code();
	}

	Purchase buy(Item item, String buyerName, String card) {
		return buy(item, buyerName, unique("buyer"), card, null);
	}

	Purchase buy(Item item, String buyerName, String email, String card, String coupon) {
		return this.checkout.checkout(new CheckoutRequest("sales-test:" + UUID.randomUUID(), item.offerCode(), coupon,
				new Buyer(buyerName, email, "12345678909", Locale.forLanguageTag("pt-BR")), PaymentMethod.CARD,
				new CardDetails(card, buyerName, 12, 2099, "123"), null));
	}

	Purchase buyWithPix(Item item, String buyerName) {
		return this.checkout.checkout(new CheckoutRequest("sales-test:" + UUID.randomUUID(), item.offerCode(), null,
				new Buyer(buyerName, unique("pix"), null, Locale.ENGLISH), PaymentMethod.PIX, null, null));
	}

	/** A bearer token of a new credential of the producer. */
	static String token(TestRestTemplate http, JsonMapper json, ApiCredentials credentials, long producer) {
		CreatedCredential credential = credentials.create(producer, "sales test");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder()
			.encodeToString(
					(credential.clientId() + ":" + credential.clientSecret()).getBytes(StandardCharsets.UTF_8)));
		ResponseEntity<String> response = http.exchange("/security/oauth/token?grant_type=client_credentials",
				HttpMethod.POST, new HttpEntity<>(null, headers), String.class);
		assertThat(response.getStatusCode().value()).isEqualTo(200);
		return json.readTree(response.getBody()).path("access_token").asString();
	}

	record Seller(long id, String email, String name) {
	}

	record Item(long productId, String offerCode, String name) {
	}

}
