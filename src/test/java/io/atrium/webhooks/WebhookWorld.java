package io.atrium.webhooks;

import java.util.EnumSet;
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
import io.atrium.shared.EmailAddress;
import io.atrium.shared.Money;

/**
 * Producers, products, offers, purchases and endpoints for webhook tests, through the
 * modules' own services.
 */
final class WebhookWorld {

	static final String APPROVED_CARD = "4111111111111111";

	static final String DECLINED_CARD = "4000000000000002";

	private final Accounts accounts;

	private final Products products;

	private final Offers offers;

	private final Checkout checkout;

	private final Webhooks webhooks;

	WebhookWorld(Accounts accounts, Products products, Offers offers, Checkout checkout, Webhooks webhooks) {
		this.accounts = accounts;
		this.products = products;
		this.offers = offers;
		this.checkout = checkout;
		this.webhooks = webhooks;
	}

	static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	long producer() {
		return this.accounts
			.createActive(EmailAddress.of(unique("producer")), "Paula Producer", "correct horse battery",
					Locale.ENGLISH, Set.of(Role.PRODUCER))
			.id()
			.value();
	}

	Product course(long producer, Delivery delivery) {
		return this.products.create(producer, new ProductDetails("Sourdough course", "Bake real bread at home.",
				"help@bakery.example", ProductFormat.ONLINE_COURSE, ProductStatus.ACTIVE, 7, delivery),
				ImageChange.keep());
	}

	Offer single(long producer, long productId, long amountMinor) {
		return this.offers.create(producer, productId,
				new OfferDetails("Full course", Money.of(amountMinor, "BRL"), PaymentMode.SINGLE, null, null));
	}

	Product club(long producer) {
		return this.products.create(producer, new ProductDetails("Monthly club", "A club.", "help@club.example",
				ProductFormat.SUBSCRIPTION, ProductStatus.ACTIVE, 7, Delivery.membersArea()), ImageChange.keep());
	}

	Offer plan(long producer, long productId, String name, long amountMinor) {
		return this.offers.create(producer, productId, new OfferDetails(name, Money.of(amountMinor, "BRL"),
				PaymentMode.RECURRING, new RecurringPlan(BillingPeriod.MONTHLY, null, 0), null));
	}

	Purchase buy(String offerCode, String email, String card) {
		return this.checkout.checkout(new CheckoutRequest(UUID.randomUUID().toString(), offerCode, null,
				new Buyer("Bia Maria Buyer", email, "123.456.789-09", Locale.forLanguageTag("pt-BR")),
				PaymentMethod.CARD, new CardDetails(card, "BIA BUYER", 12, 2035, "123"), null));
	}

	Purchase buyWith(String offerCode, String email, PaymentMethod method) {
		return this.checkout.checkout(new CheckoutRequest(UUID.randomUUID().toString(), offerCode, null,
				new Buyer("Bia Maria Buyer", email, null, Locale.forLanguageTag("pt-BR")), method, null, null));
	}

	CreatedEndpoint endpoint(long producer, String url, Set<WebhookEvent> events) {
		return this.webhooks.create(producer, new EndpointSettings(url, "test receiver", events, Set.of()));
	}

	CreatedEndpoint endpoint(long producer, String url) {
		return endpoint(producer, url, EnumSet.allOf(WebhookEvent.class));
	}

}
