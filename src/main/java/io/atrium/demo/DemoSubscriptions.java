package io.atrium.demo;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.ProducerTimeZones;
import io.atrium.catalog.BillingPeriod;
import io.atrium.catalog.Catalog;
import io.atrium.catalog.DeliveryKind;
import io.atrium.catalog.Offer;
import io.atrium.catalog.OfferDetails;
import io.atrium.catalog.Offers;
import io.atrium.catalog.PaymentMode;
import io.atrium.catalog.ProductFormat;
import io.atrium.catalog.ProductSummary;
import io.atrium.catalog.RecurringPlan;
import io.atrium.checkout.Buyer;
import io.atrium.checkout.CardDetails;
import io.atrium.checkout.Charge;
import io.atrium.checkout.ChargeStatus;
import io.atrium.checkout.Checkout;
import io.atrium.checkout.CheckoutRequest;
import io.atrium.checkout.PaymentMethod;
import io.atrium.checkout.RecurringCharges;
import io.atrium.shared.EmailAddress;
import io.atrium.shared.Money;
import io.atrium.subscriptions.HistoricalSubscriptions;
import io.atrium.subscriptions.ImportedSubscription;
import io.atrium.subscriptions.PaymentCard;
import io.atrium.subscriptions.Subscriptions;

import org.springframework.stereotype.Component;

/**
 * The demo's subscribers. The subscription product gets a third plan (six monthly
 * charges, so a subscription can end INACTIVE) and the external event a monthly pass (an
 * external-area plan). Then, once, subscribers in every status a subscription reaches,
 * with months of charges behind them ({@link DemoSubscribers}): imported through
 * {@link HistoricalSubscriptions}, which replays each one's renewals, refusals, retries
 * and people's actions at their dates (no e-mail). Their cards are stored in the sandbox
 * gateway; those of the delayed and overdue ones are its renewal test cards, so the
 * renewal run keeps refusing them as days pass. Finally David, a demo student, subscribes
 * to both plans at checkout (today, with a card that renews), for the buyer's journey in
 * Atrium's members area and in an external one.
 */
@Component
class DemoSubscriptions {

	static final String DAVID = "david@demo.atrium.test";

	private final Accounts accounts;

	private final Catalog catalog;

	private final Offers offers;

	private final Checkout checkout;

	private final RecurringCharges charges;

	private final HistoricalSubscriptions history;

	private final Subscriptions subscriptions;

	private final ProducerTimeZones zones;

	private final Clock clock;

	DemoSubscriptions(Accounts accounts, Catalog catalog, Offers offers, Checkout checkout, RecurringCharges charges,
			HistoricalSubscriptions history, Subscriptions subscriptions, ProducerTimeZones zones, Clock clock) {
		this.accounts = accounts;
		this.catalog = catalog;
		this.offers = offers;
		this.checkout = checkout;
		this.charges = charges;
		this.history = history;
		this.subscriptions = subscriptions;
		this.zones = zones;
		this.clock = clock;
	}

	/**
	 * Seeds the plans and subscribers the demo lacks: a producer with subscriptions
	 * already gets none imported again, and David's checkouts answer their first purchase
	 * when repeated.
	 * @param producer the demo producer
	 * @return how many subscriptions it imported
	 */
	int seed(long producer) {
		Optional<ProductSummary> club = product(producer,
				(p) -> p.format() == ProductFormat.SUBSCRIPTION && p.delivery().kind() == DeliveryKind.MEMBERS_AREA);
		if (club.isEmpty()) {
			return 0;
		}
		List<Offer> plans = ensurePlans(producer, club.get());
		Optional<Offer> pass = product(producer, (p) -> p.delivery().kind() == DeliveryKind.EXTERNAL)
			.map((p) -> ensurePass(producer, p));
		int imported = 0;
		if (this.subscriptions.ofProducer(producer).isEmpty()) {
			ZoneId zone = this.zones.of(producer);
			DemoSubscribers subscribers = new DemoSubscribers(plans.get(0).code(), plans.get(1).code(),
					plans.get(2).code(), pass.map(Offer::code).orElse(null), this.clock.instant(), zone);
			for (DemoSubscribers.Subscriber s : subscribers.all()) {
				long account = account(s.email(), s.name(), s.locale());
				this.history.record(s.toImport(account, (number) -> card(s, number)));
				imported++;
			}
		}
		subscribeDavid(plans.get(0), "demo-david-club");
		pass.ifPresent((offer) -> subscribeDavid(offer, "demo-david-pass"));
		return imported;
	}

	// the monthly and annual plans the catalog seeded, and a plan of six monthly charges
	private List<Offer> ensurePlans(long producer, ProductSummary club) {
		List<Offer> recurring = recurring(producer, club.id());
		if (recurring.stream().noneMatch((o) -> o.details().plan().maxCharges() != null)) {
			this.offers.create(producer, club.id(), new OfferDetails("Seis meses de receitas", Money.of(3490, "BRL"),
					PaymentMode.RECURRING, new RecurringPlan(BillingPeriod.MONTHLY, 6, 0), null));
			recurring = recurring(producer, club.id());
		}
		Offer monthly = first(recurring, (o) -> o.details().plan().period() == BillingPeriod.MONTHLY
				&& o.details().plan().maxCharges() == null && o.details().plan().trialDays() == 0);
		Offer annual = first(recurring, (o) -> o.details().plan().period() == BillingPeriod.ANNUAL);
		Offer limited = first(recurring, (o) -> o.details().plan().maxCharges() != null);
		return List.of(monthly, annual, limited);
	}

	private Offer ensurePass(long producer, ProductSummary event) {
		List<Offer> recurring = recurring(producer, event.id());
		if (!recurring.isEmpty()) {
			return recurring.get(0);
		}
		return this.offers.create(producer, event.id(), new OfferDetails("Passe mensal — todos os workshops",
				Money.of(9700, "BRL"), PaymentMode.RECURRING, new RecurringPlan(BillingPeriod.MONTHLY, null, 0), null));
	}

	private List<Offer> recurring(long producer, long productId) {
		return this.offers.offersOf(producer, productId)
			.stream()
			.filter((o) -> o.details().paymentMode() == PaymentMode.RECURRING && o.details().plan() != null)
			.toList();
	}

	private static Offer first(List<Offer> offers, Predicate<Offer> which) {
		return offers.stream().filter(which).findFirst().orElse(offers.get(0));
	}

	private Optional<ProductSummary> product(long producer, Predicate<ProductSummary> which) {
		return this.catalog.productsOf(producer).stream().filter(which).findFirst();
	}

	private long account(String email, String name, Locale locale) {
		return this.accounts.ensureStudent(EmailAddress.of(email), name, locale).account().id().value();
	}

	// a subscriber's card stored in the sandbox gateway (one per key: seeding again
	// finds the same)
	private PaymentCard card(DemoSubscribers.Subscriber subscriber, String number) {
		String user = subscriber.email().substring(0, subscriber.email().indexOf('@'));
		Charge stored = this.charges.storeCard("demo-card-" + user + "-" + number,
				new CardDetails(number, subscriber.name().toUpperCase(Locale.ROOT), 12, 2035, "123"),
				new Buyer(subscriber.name(), subscriber.email(), null, subscriber.locale()), "Clube de Receitas",
				"BRL");
		if (stored.status() != ChargeStatus.APPROVED || stored.paymentToken() == null) {
			throw new IllegalStateException("The payment gateway did not store a demo card: " + stored.declineReason());
		}
		return new PaymentCard(stored.paymentToken(), stored.cardBrand(), stored.cardLast4());
	}

	private void subscribeDavid(Offer offer, String attempt) {
		this.checkout.checkout(new CheckoutRequest(attempt, offer.code(), null,
				new Buyer("David Miller", DAVID, null, Locale.ENGLISH), PaymentMethod.CARD,
				new CardDetails(DemoSubscribers.VISA, "DAVID MILLER", 12, 2035, "123"), null));
	}

}
