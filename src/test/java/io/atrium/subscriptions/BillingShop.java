package io.atrium.subscriptions;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.accounts.internal.ProducerTimeZoneRows;
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
import io.atrium.club.content.ClubAreas;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubModule;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.ModuleDetails;
import io.atrium.club.content.PageDetails;
import io.atrium.club.content.PageKind;
import io.atrium.shared.EmailAddress;
import io.atrium.shared.Money;
import io.atrium.support.Eventually;
import io.atrium.support.TestClock;
import io.atrium.support.WebClient;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Producers, subscription products and plans, purchases and renewal runs for the
 * subscription integration tests, through Atrium's own services and the sandbox gateway.
 */
final class BillingShop {

	/** The admin requester, who may see every subscription. */
	static final Requester ADMIN = Requester.admin(1);

	static final String PASSWORD = "correct horse battery";

	/** What the members area's lesson says, seen only with access. */
	static final String LESSON = "Feed the starter twice a day.";

	private final Accounts accounts;

	private final Products products;

	private final Offers offers;

	private final Checkout checkout;

	private final Subscriptions subscriptions;

	private final Renewals renewals;

	private final ProducerTimeZoneRows zones;

	private final JdbcClient jdbc;

	private final TestClock clock;

	private final ApplicationContext context;

	BillingShop(ApplicationContext context) {
		this.context = context;
		this.accounts = context.getBean(Accounts.class);
		this.products = context.getBean(Products.class);
		this.offers = context.getBean(Offers.class);
		this.checkout = context.getBean(Checkout.class);
		this.subscriptions = context.getBean(Subscriptions.class);
		this.renewals = context.getBean(Renewals.class);
		this.zones = context.getBean(ProducerTimeZoneRows.class);
		this.jdbc = context.getBean(JdbcClient.class);
		this.clock = context.getBean(TestClock.class);
	}

	static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	static CardDetails card(String number) {
		return new CardDetails(number, "Maria Souza", 12, 2040, "123");
	}

	/**
	 * @param zone the producer's time zone
	 * @return a new producer working in that zone
	 */
	long producer(String zone) {
		long producer = this.accounts
			.createActive(EmailAddress.of(unique("producer")), "Producer", "correct horse battery", Locale.ENGLISH,
					Set.of(Role.PRODUCER))
			.id()
			.value();
		this.zones.choose(producer, zone);
		return producer;
	}

	/**
	 * @param producer a producer
	 * @return a new subscription product in Atrium's members area
	 */
	long product(long producer) {
		Product product = this.products.create(producer,
				new ProductDetails("Baking club", "A new recipe every week.", "help@bakery.example",
						ProductFormat.SUBSCRIPTION, ProductStatus.ACTIVE, 7, Delivery.membersArea()),
				ImageChange.keep());
		return product.id();
	}

	/**
	 * The product's members area: a module with one lesson.
	 * @return the lesson's path for the student
	 */
	String lesson(long producer, long product) {
		String subdomain = "bakery-" + UUID.randomUUID().toString().substring(0, 8);
		this.context.getBean(ClubAreas.class).change(producer, subdomain, "Baking club");
		ClubContent content = this.context.getBean(ClubContent.class);
		ClubModule module = content.addModule(producer, product, new ModuleDetails("Bread", false, true));
		ClubPage page = content.addPage(producer, module.id(),
				new PageDetails("Sourdough", PageKind.TEXT, LESSON, null, true));
		return "/club/" + subdomain + "/pages/" + page.publicId();
	}

	/**
	 * A student account (as if activated) that then buys with its address, logged in.
	 * @param email the address
	 * @param port the application's port
	 * @return the student's browser
	 */
	WebClient student(String email, int port) {
		this.accounts.createActive(EmailAddress.of(email), "Maria Souza", PASSWORD, Locale.ENGLISH,
				Set.of(Role.STUDENT));
		WebClient web = new WebClient(port);
		web.logIn(email, PASSWORD);
		return web;
	}

	/**
	 * A plan of the product.
	 */
	Offer plan(long producer, long product, String name, long priceMinor, BillingPeriod period, Integer maxCharges,
			int trialDays) {
		return this.offers.create(producer, product, new OfferDetails(name, Money.of(priceMinor, "BRL"),
				PaymentMode.RECURRING, new RecurringPlan(period, maxCharges, trialDays), null));
	}

	/**
	 * A monthly plan of a new product of a new producer in the zone.
	 */
	Offer monthly(String zone, long priceMinor, int trialDays) {
		long producer = producer(zone);
		return plan(producer, product(producer), "Monthly", priceMinor, BillingPeriod.MONTHLY, null, trialDays);
	}

	/**
	 * A monthly plan of a new product, with a lesson in its members area, of a new
	 * producer in the zone.
	 */
	Club monthlyClub(String zone, long priceMinor, int trialDays) {
		long producer = producer(zone);
		long product = product(producer);
		return new Club(producer,
				plan(producer, product, "Monthly", priceMinor, BillingPeriod.MONTHLY, null, trialDays),
				lesson(producer, product));
	}

	/**
	 * A plan with a members area.
	 *
	 * @param producer the producer
	 * @param plan the plan
	 * @param lesson the path of the lesson a subscriber opens
	 */
	record Club(long producer, Offer plan, String lesson) {
	}

	/**
	 * Buys a plan now (by the test clock) with a typed card and waits for the
	 * subscription it starts.
	 * @param offer the plan
	 * @param email the buyer's address
	 * @param cardNumber a sandbox test card
	 * @return the subscription
	 */
	Subscription subscribe(Offer offer, String email, String cardNumber) {
		Purchase purchase = this.checkout.checkout(new CheckoutRequest(UUID.randomUUID().toString(), offer.code(), null,
				new Buyer("Maria Souza", email, null, Locale.ENGLISH), PaymentMethod.CARD, card(cardNumber), null));
		if (purchase.buyerAccountId() == null) {
			throw new AssertionError("Not approved: " + purchase.status() + " " + purchase.payment().declineReason());
		}
		long buyer = purchase.buyerAccountId();
		Eventually.until("the subscription of " + purchase.transaction() + " starts",
				() -> this.subscriptions.ofBuyer(buyer)
					.stream()
					.anyMatch((s) -> s.firstPurchaseId() == purchase.id() && !this.charges(s).isEmpty()));
		return this.subscriptions.ofBuyer(buyer)
			.stream()
			.filter((s) -> s.firstPurchaseId() == purchase.id())
			.findFirst()
			.orElseThrow();
	}

	/**
	 * @param s a subscription
	 * @return it as stored now
	 */
	Subscription reload(Subscription s) {
		return this.subscriptions.get(ADMIN, s.code());
	}

	/**
	 * @param s a subscription
	 * @return its purchases, oldest first
	 */
	List<Purchase> charges(Subscription s) {
		return this.subscriptions.charges(s);
	}

	/**
	 * Runs the renewals until the subscription is settled for now: not leased by a run
	 * (the scheduled task may be running too) and nothing due.
	 * @param s a subscription
	 * @return it as stored then
	 */
	Subscription renew(Subscription s) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (true) {
			this.renewals.runDue();
			if (settled(s.id())) {
				return reload(s);
			}
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Subscription " + s.code() + " still due or leased after 30 s");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	/**
	 * Moves the clock to an instant and runs the renewals there.
	 */
	Subscription renewAt(Subscription s, Instant at) {
		this.clock.set(at);
		return renew(s);
	}

	private boolean settled(long subscriptionId) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("SELECT claimed_until, next_attempt_at FROM subscriptions WHERE id = ?")
			.param(subscriptionId)
			.query((rs, n) -> {
				OffsetDateTime claimed = rs.getObject(1, OffsetDateTime.class);
				OffsetDateTime next = rs.getObject(2, OffsetDateTime.class);
				return (claimed == null || claimed.toInstant().isBefore(now))
						&& (next == null || next.toInstant().isAfter(now));
			})
			.single();
	}

	/**
	 * @param purchase a purchase
	 * @return the sandbox gateway's charges made for it (one per attempt's key), oldest
	 * first, as "STATUS amount"
	 */
	List<String> sandboxCharges(Purchase purchase) {
		return this.jdbc
			.sql("SELECT status, amount_minor FROM sandbox_charges WHERE idempotency_key = ? "
					+ "OR idempotency_key LIKE ? ORDER BY created_at, idempotency_key")
			.params(purchase.transaction(), purchase.transaction() + "-%")
			.query((rs, n) -> rs.getString(1) + " " + rs.getLong(2))
			.list();
	}

	/**
	 * @param s a subscription
	 * @return how many of the sandbox charges of its purchases were approved
	 */
	long approvedSandboxCharges(Subscription s) {
		return charges(s).stream()
			.flatMap((p) -> sandboxCharges(p).stream())
			.filter((c) -> c.startsWith("APPROVED"))
			.count();
	}

}
