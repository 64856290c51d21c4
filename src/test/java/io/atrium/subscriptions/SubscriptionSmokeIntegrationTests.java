package io.atrium.subscriptions;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.atrium.accounts.Accounts;
import io.atrium.shared.EmailAddress;
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
import io.atrium.shared.Money;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Eventually;
import io.atrium.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plan bought at checkout starts a subscription, and the renewal run charges its next
 * recurrence once.
 */
@AtriumIntegrationTest
class SubscriptionSmokeIntegrationTests {

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
	Renewals renewals;

	@Autowired
	TestClock clock;

	@AfterEach
	void reset() {
		this.clock.reset();
	}

	@Test
	void aPlanPurchaseStartsASubscriptionThatRenewsOnce() {
		long producer = this.accounts
			.createActive(EmailAddress.of("p-" + UUID.randomUUID() + "@example.com"), "Producer",
					"correct horse battery", Locale.ENGLISH, Set.of(Role.PRODUCER))
			.id()
			.value();
		Product product = this.products.create(producer, new ProductDetails("Monthly club", "A club.",
				"help@example.com", ProductFormat.SUBSCRIPTION, ProductStatus.ACTIVE, 7, Delivery.membersArea()),
				ImageChange.keep());
		Offer offer = this.offers.create(producer, product.id(), new OfferDetails("Monthly", Money.of(4990, "BRL"),
				PaymentMode.RECURRING, new RecurringPlan(BillingPeriod.MONTHLY, null, 0), null));
		Purchase purchase = this.checkout.checkout(new CheckoutRequest(UUID.randomUUID().toString(), offer.code(), null,
				new Buyer("Maria", "maria-" + UUID.randomUUID() + "@example.com", null, Locale.ENGLISH),
				PaymentMethod.CARD, new CardDetails("4111111111111111", "Maria", 12, 2035, "123"), null));
		assertThat(purchase.status()).isEqualTo(PurchaseStatus.APPROVED);
		long buyer = purchase.buyerAccountId();
		Eventually.until("the subscription starts", () -> !this.subscriptions.ofBuyer(buyer).isEmpty());
		Subscription s = this.subscriptions.ofBuyer(buyer).get(0);
		assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(s.code()).matches("[A-Z0-9]{8}");
		assertThat(s.currentRecurrence()).isEqualTo(1);
		assertThat(s.card()).isNotNull();

		this.clock.set(s.nextChargeAt().plus(Duration.ofMinutes(1)));
		this.renewals.runDue();
		this.renewals.runDue();
		Optional<Subscription> after = this.subscriptions.find(Requester.producer(producer), s.code());
		assertThat(after).isPresent();
		assertThat(after.get().currentRecurrence()).isEqualTo(2);
		assertThat(after.get().status()).isEqualTo(SubscriptionStatus.ACTIVE);
		List<Purchase> charges = this.subscriptions.charges(after.get());
		assertThat(charges).extracting(Purchase::recurrenceNumber).containsExactly(1, 2);
		assertThat(charges).extracting(Purchase::status).containsOnly(PurchaseStatus.APPROVED);
	}

}
