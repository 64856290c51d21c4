package io.atrium.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.atrium.accounts.Accounts;
import io.atrium.catalog.Catalog;
import io.atrium.catalog.Offer;
import io.atrium.catalog.Offers;
import io.atrium.catalog.PaymentMode;
import io.atrium.catalog.ProductSummary;
import io.atrium.checkout.Buyer;
import io.atrium.checkout.CardDetails;
import io.atrium.checkout.Charge;
import io.atrium.checkout.ChargeRequest;
import io.atrium.checkout.HistoricalPurchases;
import io.atrium.checkout.HistoricalPurchases.HistoricalPurchase;
import io.atrium.checkout.PaymentDetails;
import io.atrium.checkout.PaymentGateway;
import io.atrium.checkout.PaymentMethod;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.checkout.PurchaseTerms;
import io.atrium.checkout.TransactionCodes;
import io.atrium.shared.EmailAddress;
import io.atrium.shared.Money;

import org.springframework.stereotype.Component;

/**
 * A few hundred purchases of the demo producer's single-payment offers over the last 120
 * days, from 60 demo buyers, in varied statuses. Every one is charged (and refunded,
 * expired) on the payment gateway (the sandbox) and recorded through
 * {@link HistoricalPurchases#record}, which sends no e-mail and publishes no event.
 * Deterministic (a fixed random seed).
 */
@Component
class DemoPurchases {

	static final int PURCHASES = 300;

	static final int BUYERS = 60;

	private static final String[] FIRST = { "Ana", "Bruno", "Carla", "Diego", "Elisa", "Fábio", "Gabriela", "Hugo",
			"Isabela", "João", "Karina", "Lucas", "Marina", "Nicolás", "Olívia" };

	private static final String[] LAST = { "Silva", "Souza", "Oliveira", "Pereira" };

	private static final String[] LANGUAGES = { "pt-BR", "pt-BR", "es", "it", "en" };

	private final Accounts accounts;

	private final Catalog catalog;

	private final Offers offers;

	private final PaymentGateway gateway;

	private final HistoricalPurchases history;

	private final Clock clock;

	DemoPurchases(Accounts accounts, Catalog catalog, Offers offers, PaymentGateway gateway,
			HistoricalPurchases history, Clock clock) {
		this.accounts = accounts;
		this.catalog = catalog;
		this.offers = offers;
		this.gateway = gateway;
		this.history = history;
		this.clock = clock;
	}

	/**
	 * Seeds the purchases unless the producer has some already.
	 * @param producerId the demo producer
	 * @return how many it recorded
	 */
	int seed(long producerId) {
		if (this.history.countOfProducer(producerId) > 0) {
			return 0;
		}
		List<Sellable> sellables = new ArrayList<>();
		for (ProductSummary product : this.catalog.productsOf(producerId)) {
			for (Offer offer : this.offers.offersOf(producerId, product.id())) {
				// plans are sold as subscriptions, with their charges (DemoSubscriptions)
				if (offer.details().paymentMode() == PaymentMode.SINGLE) {
					sellables.add(new Sellable(product, offer));
				}
			}
		}
		if (sellables.isEmpty()) {
			return 0;
		}
		Random random = new Random(20261124L);
		List<DemoBuyer> buyers = new ArrayList<>();
		for (int i = 0; i < BUYERS; i++) {
			String name = FIRST[i % FIRST.length] + " " + LAST[i / FIRST.length % LAST.length];
			String email = "buyer" + (i + 1) + "@demo.atrium.test";
			Locale locale = Locale.forLanguageTag(LANGUAGES[i % LANGUAGES.length]);
			long id = this.accounts.ensureStudent(EmailAddress.of(email), name, locale).account().id().value();
			buyers.add(new DemoBuyer(id, new Buyer(name, email, null, locale)));
		}
		Instant now = this.clock.instant();
		for (int i = 0; i < PURCHASES; i++) {
			Sellable sellable = sellables.get(random.nextInt(sellables.size()));
			DemoBuyer buyer = buyers.get(random.nextInt(buyers.size()));
			record(i, sellable, buyer, now, random);
		}
		return PURCHASES;
	}

	private void record(int i, Sellable sellable, DemoBuyer buyer, Instant now, Random random) {
		int roll = random.nextInt(100);
		Instant createdAt = now.minus(Duration.ofMinutes(10 + random.nextInt(120 * 24 * 60)));
		int warranty = sellable.product().warrantyDays();
		PurchaseStatus status;
		PaymentMethod method = PaymentMethod.CARD;
		String card = "4111111111111111";
		Instant changedAt = createdAt;
		Instant requestedAt = null;
		if (roll < 4) {
			status = PurchaseStatus.WAITING_PAYMENT;
			method = PaymentMethod.PIX;
			createdAt = now.minus(Duration.ofMinutes(1 + random.nextInt(20)));
		}
		else if (roll < 10) {
			status = PurchaseStatus.EXPIRED;
			method = PaymentMethod.PIX;
			changedAt = createdAt.plus(Duration.ofMinutes(30));
		}
		else if (roll < 15) {
			status = PurchaseStatus.CANCELLED;
			card = "4000000000000002";
		}
		else if (roll < 18) {
			status = PurchaseStatus.NO_FUNDS;
			card = "4000000000009995";
		}
		else if (roll < 27) {
			status = PurchaseStatus.REFUNDED;
			createdAt = now.minus(Duration.ofMinutes(60 * 24 * 8 + random.nextInt(110 * 24 * 60)));
			changedAt = createdAt.plus(Duration.ofHours(1 + random.nextInt(24 * Math.max(1, warranty - 1))));
		}
		else if (roll < 30) {
			status = PurchaseStatus.CHARGEBACK;
			changedAt = createdAt.plus(Duration.ofHours(1 + random.nextInt(24 * 5)));
			if (changedAt.isAfter(now)) {
				changedAt = now;
			}
		}
		else {
			Instant windowEnd = createdAt.plus(Duration.ofDays(warranty));
			status = windowEnd.isAfter(now) ? PurchaseStatus.APPROVED : PurchaseStatus.COMPLETE;
			changedAt = windowEnd.isAfter(now) ? createdAt : windowEnd;
			if (status == PurchaseStatus.APPROVED && roll < 36) {
				Instant recent = now.minus(Duration.ofHours(1 + random.nextInt(36)));
				requestedAt = recent.isAfter(createdAt) ? recent : createdAt;
			}
		}
		Money price = sellable.offer().details().price();
		String transaction = TransactionCodes.next();
		CardDetails details = (method == PaymentMethod.CARD)
				? new CardDetails(card, buyer.buyer().name().toUpperCase(Locale.ROOT), 12, 2035, "123") : null;
		Charge charge = this.gateway.charge(ChargeRequest.once(transaction, price, method, details,
				buyer.buyer().name(), buyer.buyer().email(), sellable.product().name()));
		if (status == PurchaseStatus.REFUNDED) {
			charge = this.gateway.refund(transaction);
		}
		else if (status == PurchaseStatus.EXPIRED) {
			charge = this.gateway.expire(transaction).orElse(charge);
		}
		PurchaseTerms terms = new PurchaseTerms(transaction, "demo-" + transaction, sellable.offer().id(),
				sellable.offer().code(), sellable.product().id(), sellable.product().name(),
				sellable.product().producerAccountId(), sellable.offer().details().clubGroupId(), null, price, price,
				method, buyer.buyer(), createdAt);
		this.history.record(new HistoricalPurchase(terms, status, PaymentDetails.of(charge), buyer.accountId(),
				warranty, requestedAt, changedAt));
	}

	private record Sellable(ProductSummary product, Offer offer) {
	}

	private record DemoBuyer(long accountId, Buyer buyer) {
	}

}
