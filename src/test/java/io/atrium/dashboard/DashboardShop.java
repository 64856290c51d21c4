package io.atrium.dashboard;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
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

/**
 * Producers, members-area products and real purchases through the checkout (the sandbox
 * gateway), for the dashboard's tests.
 */
final class DashboardShop {

	static final String PASSWORD = "dashboard test password";

	static final String APPROVED_CARD = "4111111111111111";

	static final String DECLINED_CARD = "4000000000000002";

	private final Accounts accounts;

	private final Products products;

	private final Offers offers;

	private final Checkout checkout;

	DashboardShop(Accounts accounts, Products products, Offers offers, Checkout checkout) {
		this.accounts = accounts;
		this.products = products;
		this.offers = offers;
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

	/** An active members-area product with one single-payment offer at that price. */
	Item item(Seller seller, String name, Money price) {
		Product product = this.products.create(seller.id(), new ProductDetails(name, "About " + name,
				"help@example.com", ProductFormat.ONLINE_COURSE, ProductStatus.ACTIVE, 7, Delivery.membersArea()),
				ImageChange.keep());
		Offer offer = this.offers.create(seller.id(), product.id(),
				new OfferDetails("Full", price, PaymentMode.SINGLE, null, null));
		return new Item(product.id(), offer.code(), name);
	}

	Purchase buy(Item item, String buyerName, String card) {
		return this.checkout.checkout(new CheckoutRequest("dashboard-test:" + UUID.randomUUID(), item.offerCode(), null,
				new Buyer(buyerName, unique("buyer"), "12345678909", Locale.forLanguageTag("pt-BR")),
				PaymentMethod.CARD, new CardDetails(card, buyerName, 12, 2099, "123"), null));
	}

	record Seller(long id, String email, String name) {
	}

	record Item(long productId, String offerCode, String name) {
	}

}
