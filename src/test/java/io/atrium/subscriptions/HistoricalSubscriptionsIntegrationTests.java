package io.atrium.subscriptions;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
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
import io.atrium.checkout.Charge;
import io.atrium.checkout.DeclineReason;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.checkout.RecurringCharges;
import io.atrium.checkout.internal.SandboxCards;
import io.atrium.checkout.internal.SandboxGateway;
import io.atrium.shared.EmailAddress;
import io.atrium.shared.Money;
import io.atrium.subscriptions.ImportedSubscription.Cancel;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.TestClock;
import io.atrium.support.TestMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Subscriptions imported with their past: the state the renewal run would have reached,
 * their charges as imported purchases, no e-mail; then the renewal run and the subscriber
 * carry on from there, with the next gateway attempt.
 */
@AtriumIntegrationTest
class HistoricalSubscriptionsIntegrationTests {

	private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

	@Autowired
	HistoricalSubscriptions history;

	@Autowired
	Subscriptions subscriptions;

	@Autowired
	Renewals renewals;

	@Autowired
	RecurringCharges charges;

	@Autowired
	SandboxGateway gateway;

	@Autowired
	Accounts accounts;

	@Autowired
	Products products;

	@Autowired
	Offers offers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@AfterEach
	void reset() {
		this.clock.reset();
	}

	@Test
	void aDelayedImportIsRetriedByTheRenewalRunWithTheNextAttemptAndPaidWithANewCard() {
		Plan plan = plan();
		String email = unique("importada");
		long buyer = buyer(email);
		// due three days ago (the fourth charge), refused then and at the first retry
		Instant started = ZonedDateTime.now(SAO_PAULO).minusDays(3).minusMonths(3).toInstant();
		Subscription s = this.history.record(ImportedSubscription
			.of(plan.offerCode(), buyer, buyerOf(email), card(email, SandboxCards.RENEWAL_INSUFFICIENT_FUNDS), started)
			.withDeclines(4, DeclineReason.INSUFFICIENT_FUNDS, DeclineReason.INSUFFICIENT_FUNDS,
					DeclineReason.INSUFFICIENT_FUNDS, DeclineReason.INSUFFICIENT_FUNDS,
					DeclineReason.INSUFFICIENT_FUNDS));

		assertThat(s.status()).isEqualTo(SubscriptionStatus.DELAYED);
		assertThat(s.currentRecurrence()).isEqualTo(3);
		assertThat(s.failedAttempts()).isEqualTo(2);
		assertThat(s.nextAttemptAt()).isAfter(Instant.now());
		List<Purchase> imported = this.subscriptions.charges(s);
		assertThat(imported).extracting(Purchase::recurrenceNumber).containsExactly(1, 2, 3, 4);
		assertThat(imported).allMatch(Purchase::imported);
		assertThat(imported.get(3).status()).isEqualTo(PurchaseStatus.OVERDUE);
		assertThat(imported.get(3).payment().declineReason()).isEqualTo(DeclineReason.INSUFFICIENT_FUNDS);
		assertThat(attempts(imported.get(3))).isEqualTo(2);
		assertThat(this.subscriptions.history(s)).extracting(SubscriptionChange::cause)
			.containsExactly("PURCHASE_APPROVED", "RENEWED", "RENEWED", "CHARGE_DECLINED", "CHARGE_DECLINED",
					"IMPORTED");
		assertThat(this.subscriptions.history(s).get(3).at()).isEqualTo(s.overdueSince());

		// nothing is due yet: the renewal run leaves it alone
		this.renewals.runDue();
		assertThat(reload(s).version()).isEqualTo(s.version());

		// the next retry: the third attempt, with its own idempotency key, refused again
		this.clock.set(s.nextAttemptAt().plus(Duration.ofMinutes(1)));
		this.renewals.runDue();
		Subscription retried = reload(s);
		assertThat(retried.status()).isEqualTo(SubscriptionStatus.DELAYED);
		assertThat(retried.failedAttempts()).isEqualTo(3);
		Purchase fourth = this.subscriptions.charges(s).get(3);
		assertThat(attempts(fourth)).isEqualTo(3);
		assertThat(this.gateway.find(fourth.transaction() + "-3")).isPresent();
		assertThat(this.gateway.find(fourth.transaction())).isEmpty();
		TestMail.awaitTo(email, 1, Duration.ofSeconds(20));

		// the subscriber pays with a new card: recovered, on the fourth attempt
		Subscription paid = this.subscriptions.payOverdue(Requester.buyer(buyer), s.code(),
				new CardDetails(SandboxCards.APPROVED, "ANA", 12, 2035, "123"));
		assertThat(paid.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(paid.currentRecurrence()).isEqualTo(4);
		assertThat(paid.card().last4()).isEqualTo("1111");
		assertThat(this.subscriptions.charges(s).get(3).status()).isEqualTo(PurchaseStatus.APPROVED);
		assertThat(attempts(this.subscriptions.charges(s).get(3))).isEqualTo(4);
	}

	@Test
	void anImportSendsNoEmailAndATrialCancelledDuringItChargedNothing() {
		Plan plan = plan(7);
		String email = unique("trial");
		long buyer = buyer(email);
		Instant started = Instant.now().minus(Duration.ofDays(4));
		Subscription s = this.history
			.record(ImportedSubscription.of(plan.offerCode(), buyer, buyerOf(email), null, started)
				.with(new Cancel(Actor.BUYER, started.plus(Duration.ofDays(2)))));

		assertThat(s.status()).isEqualTo(SubscriptionStatus.CANCELLED_BY_CUSTOMER);
		assertThat(s.accessUntil()).isEqualTo(s.trialEndsAt());
		assertThat(s.givesAccess(Instant.now(), DunningSchedule.DEFAULT)).isTrue();
		assertThat(this.subscriptions.charges(s)).singleElement().satisfies((p) -> {
			assertThat(p.recurrenceNumber()).isZero();
			assertThat(p.terms().price().amountMinor()).isZero();
		});
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?")
			.param(email)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE ?")
			.param("%" + s.code() + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anImpossibleHistoryIsRefusedAndRecordsNothing() {
		Plan plan = plan();
		String email = unique("impossible");
		long buyer = buyer(email);
		long before = this.jdbc.sql("SELECT COUNT(*) FROM subscriptions").query(Long.class).single();
		long purchasesBefore = this.jdbc.sql("SELECT COUNT(*) FROM purchases").query(Long.class).single();
		Instant started = Instant.now().minus(Duration.ofDays(90));

		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.history
				.record(ImportedSubscription.of(plan.offerCode(), buyer, buyerOf(email), null, started)
					.with(new Cancel(Actor.BUYER, started.plus(Duration.ofDays(10))))
					.with(new Cancel(Actor.PRODUCER, started.plus(Duration.ofDays(20))))))
			.withMessageContaining("already CANCELLED_BY_CUSTOMER");
		assertThatIllegalArgumentException().isThrownBy(() -> this.history.record(ImportedSubscription
			.of(plan.offerCode(), buyer, buyerOf(email), null, Instant.now().plus(Duration.ofDays(1)))));
		assertThatIllegalArgumentException().isThrownBy(() -> this.history
			.record(ImportedSubscription.of(plan.offerCode(), buyer, buyerOf(email), null, started)
				.with(new ImportedSubscription.Reactivate(started.plus(Duration.ofDays(5))))));

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM subscriptions").query(Long.class).single()).isEqualTo(before);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM purchases").query(Long.class).single())
			.isEqualTo(purchasesBefore);
	}

	private Plan plan() {
		return plan(0);
	}

	private Plan plan(int trialDays) {
		long producer = this.accounts
			.createActive(EmailAddress.of(unique("producer")), "Producer", "correct horse battery", Locale.ENGLISH,
					Set.of(Role.PRODUCER))
			.id()
			.value();
		Product product = this.products.create(producer, new ProductDetails("Imported club", "A club.",
				"help@example.com", ProductFormat.SUBSCRIPTION, ProductStatus.ACTIVE, 7, Delivery.membersArea()),
				ImageChange.keep());
		Offer offer = this.offers.create(producer, product.id(), new OfferDetails(
				(trialDays > 0) ? "Annual" : "Monthly", Money.of(2990, "BRL"), PaymentMode.RECURRING,
				new RecurringPlan((trialDays > 0) ? BillingPeriod.ANNUAL : BillingPeriod.MONTHLY, null, trialDays),
				null));
		return new Plan(offer.id(), offer.code(), offer.details().name(), offer.details().plan().period(), null,
				trialDays, offer.details().price(), null, 7);
	}

	private long buyer(String email) {
		return this.accounts.ensureStudent(EmailAddress.of(email), "Ana Import", Locale.forLanguageTag("pt-BR"))
			.account()
			.id()
			.value();
	}

	private static Buyer buyerOf(String email) {
		return new Buyer("Ana Import", email, null, Locale.forLanguageTag("pt-BR"));
	}

	private PaymentCard card(String email, String number) {
		Charge stored = this.charges.storeCard("import-" + UUID.randomUUID(),
				new CardDetails(number, "ANA", 12, 2035, "123"), buyerOf(email), "Imported club", "BRL");
		return new PaymentCard(stored.paymentToken(), stored.cardBrand(), stored.cardLast4());
	}

	private Subscription reload(Subscription s) {
		return this.subscriptions.get(Requester.admin(0), s.code());
	}

	private int attempts(Purchase purchase) {
		return this.jdbc.sql("SELECT charge_attempts FROM purchases WHERE id = ?")
			.param(purchase.id())
			.query(Integer.class)
			.single();
	}

	private static String unique(String name) {
		return name + "-" + UUID.randomUUID() + "@example.com";
	}

}
