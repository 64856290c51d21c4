package io.atrium.subscriptions;

import java.util.Locale;
import java.util.Set;
import java.util.UUID;

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
import io.atrium.support.Eventually;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Producers with subscription products and plans, and buyers who can sign in and buy a
 * plan through the real checkout (the sandbox gateway), for the subscription page tests.
 */
final class SubscriptionShop {

	static final String PASSWORD = "subscription pages password";

	static final String APPROVED_CARD = "4111111111111111";

	private final Accounts accounts;

	private final Products products;

	private final Offers offers;

	private final Checkout checkout;

	private final Subscriptions subscriptions;

	SubscriptionShop(Accounts accounts, Products products, Offers offers, Checkout checkout,
			Subscriptions subscriptions) {
		this.accounts = accounts;
		this.products = products;
		this.offers = offers;
		this.checkout = checkout;
		this.subscriptions = subscriptions;
	}

	static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	/** A producer account that can sign in. */
	Person producer(String name) {
		return person(name, Role.PRODUCER);
	}

	/** A buyer account that can sign in (the checkout finds it by its e-mail). */
	Person buyer(String name) {
		return person(name, Role.STUDENT);
	}

	private Person person(String name, Role role) {
		String email = unique(role.name().toLowerCase(Locale.ROOT));
		long id = this.accounts.createActive(EmailAddress.of(email), name, PASSWORD, Locale.ENGLISH, Set.of(role))
			.id()
			.value();
		return new Person(id, email, name);
	}

	/** An active subscription product of the producer. */
	long product(Person producer, String name) {
		Product product = this.products.create(producer.id(), new ProductDetails(name, "About " + name,
				"help@example.com", ProductFormat.SUBSCRIPTION, ProductStatus.ACTIVE, 7, Delivery.membersArea()),
				ImageChange.keep());
		return product.id();
	}

	/** A plan (recurring offer) of the product. */
	Offer plan(Person producer, long productId, String name, Money price, BillingPeriod period, int trialDays) {
		return this.offers.create(producer.id(), productId,
				new OfferDetails(name, price, PaymentMode.RECURRING, new RecurringPlan(period, null, trialDays), null));
	}

	/**
	 * The buyer buys the plan with the card and the subscription starts.
	 * @return the subscription
	 */
	Subscription subscribe(Person buyer, Offer plan, String card) {
		Purchase purchase = this.checkout.checkout(new CheckoutRequest("sub-pages:" + UUID.randomUUID(), plan.code(),
				null, new Buyer(buyer.name(), buyer.email(), null, Locale.ENGLISH), PaymentMethod.CARD,
				new CardDetails(card, buyer.name(), 12, 2099, "123"), null));
		assertThat(purchase.status()).isEqualTo(PurchaseStatus.APPROVED);
		Eventually.until("the subscription of " + purchase.transaction() + " starts",
				() -> this.subscriptions.ofBuyer(buyer.id())
					.stream()
					.anyMatch((s) -> s.firstTransaction().equals(purchase.transaction())));
		return this.subscriptions.ofBuyer(buyer.id())
			.stream()
			.filter((s) -> s.firstTransaction().equals(purchase.transaction()))
			.findFirst()
			.orElseThrow();
	}

	/** Someone who signs in. */
	record Person(long id, String email, String name) {
	}

}
