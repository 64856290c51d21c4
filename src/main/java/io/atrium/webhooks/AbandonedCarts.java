package io.atrium.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.atrium.catalog.Catalog;
import io.atrium.checkout.AbandonedCheckouts;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseTerms;
import io.atrium.webhooks.internal.EndpointRows;
import io.atrium.webhooks.payload.CartData;
import io.atrium.webhooks.payload.SubscriptionData;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code PURCHASE_OUT_OF_SHOPPING_CART}: looks for checkouts left unpaid for
 * {@code atrium.webhooks.abandoned-cart-after} (a db-scheduler task runs it every
 * {@code abandoned-cart-scan-every}) and writes one delivery per (purchase, endpoint).
 * Each scan looks back {@code abandoned-cart-lookback} further, so a scan missed (all
 * instances down) is made up by the next; the event id keeps a checkout from being
 * announced twice.
 */
@Component
class AbandonedCarts {

	private final AbandonedCheckouts checkouts;

	private final EndpointRows endpoints;

	private final WebhookOutbox outbox;

	private final Catalog catalog;

	private final WebhookSettings settings;

	private final TransactionTemplate transaction;

	private final Clock clock;

	AbandonedCarts(AbandonedCheckouts checkouts, EndpointRows endpoints, WebhookOutbox outbox, Catalog catalog,
			WebhookSettings settings, PlatformTransactionManager transactions, Clock clock) {
		this.checkouts = checkouts;
		this.endpoints = endpoints;
		this.outbox = outbox;
		this.catalog = catalog;
		this.settings = settings;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * @return how many deliveries it wrote
	 */
	int scan() {
		Set<Long> producers = this.endpoints.producersWanting(WebhookEvent.PURCHASE_OUT_OF_SHOPPING_CART);
		if (producers.isEmpty()) {
			return 0;
		}
		Instant to = this.clock.instant().minus(this.settings.abandonedCartAfter());
		Instant from = to.minus(this.settings.abandonedCartLookback());
		int written = 0;
		long after = 0;
		while (true) {
			List<Purchase> page = this.checkouts.startedBetween(from, to, after, AbandonedCheckouts.MAX_PAGE);
			for (Purchase purchase : page) {
				if (producers.contains(purchase.terms().producerAccountId())) {
					written += this.transaction.execute((status) -> record(purchase));
				}
			}
			if (page.size() < AbandonedCheckouts.MAX_PAGE) {
				return written;
			}
			after = page.get(page.size() - 1).id();
		}
	}

	private int record(Purchase purchase) {
		PurchaseTerms t = purchase.terms();
		Instant at = t.createdAt().plus(this.settings.abandonedCartAfter());
		return this.outbox.record(t.producerAccountId(), t.productId(), WebhookEvent.PURCHASE_OUT_OF_SHOPPING_CART,
				EventIds.cart(purchase.id()), at, null, () -> data(purchase));
	}

	CartData data(Purchase purchase) {
		PurchaseTerms t = purchase.terms();
		String name = this.catalog.product(t.productId()).map((p) -> p.name()).orElse(t.productName());
		return new CartData(false, new SubscriptionData.ProductIdName(t.productId(), name),
				new CartData.CartBuyer(t.buyer().name(), t.buyer().email(), ""),
				new SubscriptionData.OfferCode(t.offerCode()), PurchasePayloads.country(t));
	}

}
