package io.atrium.subscriptions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import io.atrium.accounts.ProducerTimeZones;
import io.atrium.catalog.Catalog;
import io.atrium.catalog.OfferForSale;
import io.atrium.catalog.PaymentMode;
import io.atrium.checkout.Buyer;
import io.atrium.checkout.DeclineReason;
import io.atrium.checkout.HistoricalPurchases;
import io.atrium.checkout.HistoricalPurchases.HistoricalCharge;
import io.atrium.checkout.HistoricalPurchases.HistoricalPurchase;
import io.atrium.checkout.PaymentDetails;
import io.atrium.checkout.PaymentMethod;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.checkout.PurchaseTerms;
import io.atrium.checkout.RecurringCharges;
import io.atrium.checkout.TransactionCodes;
import io.atrium.shared.Money;
import io.atrium.subscriptions.SubscriptionReplay.ReplayedCharge;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports subscriptions that began in the past: for the demo data and for migrations from
 * another platform only. The subscription is taken from its start to now through the same
 * aggregate the renewal run uses ({@link SubscriptionReplay}), at the instants things
 * happened, so its status, dates and history are what Atrium would hold had it sold it;
 * its charges are recorded as imported purchases ({@link HistoricalPurchases}), one per
 * recurrence with its refused attempts. Importing sends no e-mail and publishes no event
 * (the members area and webhooks are not told); the history ends with an {@code IMPORTED}
 * entry. From then on the subscription is like any other: the renewal run charges it when
 * due, on its stored card.
 */
@Service
public class HistoricalSubscriptions {

	private final SubscriptionRows rows;

	private final HistoricalPurchases purchases;

	private final RecurringCharges charges;

	private final Catalog catalog;

	private final ProducerTimeZones zones;

	private final Billing billing;

	private final Clock clock;

	HistoricalSubscriptions(SubscriptionRows rows, HistoricalPurchases purchases, RecurringCharges charges,
			Catalog catalog, ProducerTimeZones zones, Billing billing, Clock clock) {
		this.rows = rows;
		this.purchases = purchases;
		this.charges = charges;
		this.catalog = catalog;
		this.zones = zones;
		this.billing = billing;
		this.clock = clock;
	}

	/**
	 * Records one subscription, its charges and its history, all or nothing.
	 * @param imported what to import
	 * @return the subscription as it stands now
	 * @throws IllegalArgumentException when the offer is not a plan, a date is in the
	 * future or out of order, or an action is not allowed when it happened (cancelling a
	 * cancelled subscription…)
	 */
	@Transactional
	public Subscription record(ImportedSubscription imported) {
		Instant now = this.clock.instant();
		check(imported, now);
		OfferForSale offer = this.catalog.offerForSale(imported.offerCode())
			.filter((o) -> o.paymentMode() == PaymentMode.RECURRING && o.plan() != null)
			.orElseThrow(() -> new IllegalArgumentException("Offer " + imported.offerCode() + " is not a plan"));
		Plan plan = Billing.plan(offer);
		long producer = offer.product().producerAccountId();
		ZoneId zone = this.zones.of(producer);
		DunningSchedule dunning = this.billing.dunning(producer);
		Buyer buyer = imported.buyer();
		boolean trial = plan.trialDays() > 0;
		Purchase first = recordFirstPurchase(imported, offer, plan, trial, now);
		Subscription s = Subscription.start(SubscriptionStarter.code(), producer, offer.product().id(),
				offer.product().name(), plan,
				new Subscriber(imported.buyerAccountId(), buyer.name(), buyer.email(), buyer.document(),
						buyer.locale()),
				first.id(), first.transaction(), imported.card(), zone, imported.startedAt(), dunning);
		var replayed = new SubscriptionReplay(s, imported, dunning, now).run();
		Subscription saved = this.rows.insert(s, now);
		this.charges.attach(first.id(), saved.id(), trial ? 0 : 1);
		for (ReplayedCharge charge : replayed) {
			recordCharge(saved, charge);
		}
		this.rows.recordImport(saved.id(), saved.producerAccountId(), saved.status(),
				(replayed.size() + 1) + " charge(s) imported, started " + imported.startedAt(), now);
		return this.rows.find(saved.id()).orElseThrow();
	}

	private static void check(ImportedSubscription imported, Instant now) {
		if (imported.startedAt().isAfter(now)) {
			throw new IllegalArgumentException("A subscription to import started in the past");
		}
		Instant last = imported.startedAt();
		for (ImportedSubscription.Action action : imported.actions()) {
			if (action.at().isBefore(last) || action.at().isAfter(now)) {
				throw new IllegalArgumentException(
						"Actions happen in order, after the start and not after now: " + action);
			}
			last = action.at();
		}
	}

	private Purchase recordFirstPurchase(ImportedSubscription imported, OfferForSale offer, Plan plan, boolean trial,
			Instant now) {
		Money amount = trial ? plan.price().withAmount(0) : plan.price();
		String transaction = TransactionCodes.next();
		PurchaseTerms terms = new PurchaseTerms(transaction, "import-" + transaction, offer.offerId(), offer.code(),
				offer.product().id(), offer.product().name(), offer.product().producerAccountId(), offer.clubGroupId(),
				null, amount, amount, PaymentMethod.CARD, imported.buyer(), imported.startedAt());
		Instant windowEnd = imported.startedAt().plus(Duration.ofDays(plan.warrantyDays()));
		boolean complete = !windowEnd.isAfter(now);
		return this.purchases.record(new HistoricalPurchase(terms,
				complete ? PurchaseStatus.COMPLETE : PurchaseStatus.APPROVED, payment(imported.card(), null),
				imported.buyerAccountId(), plan.warrantyDays(), null, complete ? windowEnd : imported.startedAt()));
	}

	private void recordCharge(Subscription s, ReplayedCharge charge) {
		Plan plan = s.plan();
		Subscriber b = s.subscriber();
		PurchaseTerms terms = new PurchaseTerms(charge.transaction(), null, plan.offerId(), plan.offerCode(),
				s.productId(), s.productName(), s.producerAccountId(), plan.clubGroupId(), null, plan.price(),
				plan.price(), PaymentMethod.CARD, new Buyer(b.name(), b.email(), b.document(), b.locale()),
				charge.firstAttemptAt());
		var declines = charge.declines();
		PaymentDetails payment = payment(charge.card(),
				(charge.paidAt() == null && !declines.isEmpty()) ? declines.get(declines.size() - 1).reason() : null);
		this.purchases.recordCharge(new HistoricalCharge(terms, s.id(), charge.recurrence(), declines, charge.paidAt(),
				charge.droppedAt(), payment, (charge.card() != null) ? charge.card().token() : null, b.accountId(),
				plan.warrantyDays()));
	}

	private static PaymentDetails payment(PaymentCard card, DeclineReason reason) {
		return new PaymentDetails(null, (card != null) ? card.brand() : null, (card != null) ? card.last4() : null,
				null, null, null, reason);
	}

}
