package io.atrium.subscriptions;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.atrium.accounts.ProducerTimeZones;
import io.atrium.catalog.Catalog;
import io.atrium.catalog.OfferForSale;
import io.atrium.catalog.PaymentMode;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseApproved;
import io.atrium.checkout.PurchaseTerms;
import io.atrium.checkout.RecurringCharges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Starts a subscription when a plan offer's first purchase is approved. Runs after the
 * purchase committed, in its own transaction, retried until it succeeds; idempotent: one
 * subscription per first purchase (a unique key).
 */
@Component
class SubscriptionStarter {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionStarter.class);

	private static final String CODE_CHARACTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SubscriptionRows rows;

	private final RecurringCharges charges;

	private final Catalog catalog;

	private final ProducerTimeZones zones;

	private final Billing billing;

	private final Clock clock;

	SubscriptionStarter(SubscriptionRows rows, RecurringCharges charges, Catalog catalog, ProducerTimeZones zones,
			Billing billing, Clock clock) {
		this.rows = rows;
		this.charges = charges;
		this.catalog = catalog;
		this.zones = zones;
		this.billing = billing;
		this.clock = clock;
	}

	// only a first purchase of a plan (or one whose offer the event does not tell) is
	// registered for this listener: the others would do nothing
	@ApplicationModuleListener(condition = "#event.subscriptionId() == null and #event.startsPlan() != false")
	void on(PurchaseApproved event) {
		if (event.subscriptionId() != null || this.rows.byFirstPurchase(event.purchaseId()).isPresent()) {
			return;
		}
		Purchase purchase = this.charges.purchase(event.purchaseId()).orElseThrow();
		PurchaseTerms terms = purchase.terms();
		Optional<OfferForSale> offer = this.catalog.offerForSale(terms.offerCode())
			.filter((o) -> o.paymentMode() == PaymentMode.RECURRING && o.plan() != null);
		if (offer.isEmpty() || purchase.imported()) {
			return;
		}
		start(purchase, event, offer.get());
	}

	private void start(Purchase purchase, PurchaseApproved event, OfferForSale offer) {
		PurchaseTerms terms = purchase.terms();
		Plan plan = Billing.plan(offer);
		if (purchase.terms().price().amountMinor() > 0 && plan.trialDays() > 0) {
			// the offer gained a trial after this purchase was charged: the purchase paid
			// the first recurrence
			plan = new Plan(plan.offerId(), plan.offerCode(), plan.name(), plan.period(), plan.maxCharges(), 0,
					plan.price(), plan.clubGroupId(), plan.warrantyDays());
		}
		Subscriber subscriber = new Subscriber(event.buyerAccountId(), terms.buyer().name(), terms.buyer().email(),
				terms.buyer().document(), terms.buyer().locale());
		PaymentCard card = (purchase.paymentToken() != null) ? new PaymentCard(purchase.paymentToken(),
				purchase.payment().cardBrand(), purchase.payment().cardLast4()) : null;
		Instant at = (purchase.approvedAt() != null) ? purchase.approvedAt() : this.clock.instant();
		DunningSchedule dunning = this.billing.dunning(terms.producerAccountId());
		// a taken code or first purchase (another run made it) fails this transaction:
		// the
		// listener runs again and then finds the subscription
		Subscription s = Subscription.start(code(), terms.producerAccountId(), terms.productId(), terms.productName(),
				plan, subscriber, purchase.id(), terms.transaction(), card, this.zones.of(terms.producerAccountId()),
				at, dunning);
		Subscription saved = this.rows.insert(s, this.clock.instant());
		this.charges.attach(purchase.id(), saved.id(), (plan.trialDays() > 0) ? 0 : 1);
		this.billing.publishAccess(saved, dunning, this.clock.instant());
		this.billing.publish(
				new SubscriptionEvents.Started(SubscriptionRef.of(saved), saved.inTrial(), saved.nextChargeAt(), at));
		log.info("Subscription {} started from purchase {}", saved.code(), terms.transaction());
	}

	static String code() {
		StringBuilder code = new StringBuilder(8);
		for (int i = 0; i < 8; i++) {
			code.append(CODE_CHARACTERS.charAt(RANDOM.nextInt(CODE_CHARACTERS.length())));
		}
		return code.toString();
	}

}
