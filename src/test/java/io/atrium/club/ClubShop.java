package io.atrium.club;

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
import io.atrium.checkout.internal.SandboxCards;
import io.atrium.club.groups.Enrollments;
import io.atrium.shared.EmailAddress;
import io.atrium.shared.Money;
import io.atrium.support.Eventually;

/**
 * Producers, members-area products, offers and real sandbox purchases for members-area
 * tests.
 */
public class ClubShop {

	public static final String PASSWORD = "correct horse battery";

	private final Accounts accounts;

	private final Products products;

	private final Offers offers;

	private final Checkout checkout;

	private final Enrollments enrollments;

	public ClubShop(Accounts accounts, Products products, Offers offers, Checkout checkout, Enrollments enrollments) {
		this.accounts = accounts;
		this.products = products;
		this.offers = offers;
		this.checkout = checkout;
		this.enrollments = enrollments;
	}

	public static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	public long producer() {
		return account(unique("producer"), "Paula Producer", Role.PRODUCER);
	}

	public long account(String email, String name, Role role) {
		return this.accounts.createActive(EmailAddress.of(email), name, PASSWORD, Locale.ENGLISH, Set.of(role))
			.id()
			.value();
	}

	public Product course(long producer) {
		return this.products.create(producer,
				new ProductDetails("Sourdough course", "Bake real bread at home.", "help@bakery.example",
						ProductFormat.ONLINE_COURSE, ProductStatus.ACTIVE, 7, Delivery.membersArea()),
				ImageChange.keep());
	}

	public Offer offer(long producer, long productId, String name) {
		return this.offers.create(producer, productId,
				new OfferDetails(name, Money.of(10000, "BRL"), PaymentMode.SINGLE, null, null));
	}

	/**
	 * Buys through the offer with an approved sandbox card as an existing student, and
	 * waits for the enrolment (it runs after the purchase committed).
	 * @return the purchase
	 */
	public Purchase buy(String offerCode, String email) {
		Purchase purchase = this.checkout.checkout(new CheckoutRequest(UUID.randomUUID().toString(), offerCode, null,
				new Buyer("Bia Buyer", email, null, Locale.ENGLISH), PaymentMethod.CARD,
				new CardDetails(SandboxCards.APPROVED, "BIA BUYER", 12, 2035, "123"), null));
		awaitEnrolled(this.enrollments, purchase.buyerAccountId(), purchase.id());
		return purchase;
	}

	/**
	 * Waits until the buyer's enrolment rests on the purchase.
	 */
	static void awaitEnrolled(Enrollments enrollments, long buyerAccountId, long purchaseId) {
		Eventually.until("enrolment of purchase " + purchaseId,
				() -> enrollments.ofAccount(buyerAccountId)
					.stream()
					.anyMatch((e) -> Long.valueOf(purchaseId).equals(e.purchaseId())));
	}

}
