package io.atrium.subscriptions;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.atrium.AtriumApplication;
import io.atrium.catalog.BillingPeriod;
import io.atrium.catalog.Offer;
import io.atrium.checkout.Charge;
import io.atrium.checkout.ChargeRequest;
import io.atrium.checkout.PaymentGateway;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.checkout.internal.SandboxCards;
import io.atrium.checkout.internal.SandboxGateway;
import io.atrium.support.TestClock;
import io.atrium.support.TestDatabase;
import io.atrium.support.TestDatabase.FreshDatabase;
import io.atrium.support.TestMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Two Atrium instances on one database renewing at once: every due period is charged
 * exactly once, whoever runs, whatever the interleaving; a run killed midway keeps its
 * leases and the rerun after them charges the rest once (the charge in flight at the kill
 * is answered by the gateway under the same key, not made again); a gateway that cannot
 * be reached is not called in a loop. On PostgreSQL one schema; on H2 one in-memory
 * database both instances open in this JVM.
 */
class RenewalsConcurrencyIntegrationTests {

	static final ZoneId ZONE = ZoneId.of("America/Sao_Paulo");

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	BillingShop shop;

	final List<Subscription> started = new ArrayList<>();

	@BeforeAll
	static void startTwoInstances() {
		String[] args = arguments();
		first = new SpringApplicationBuilder(AtriumApplication.class, TestClock.Configuration.class,
				FlakyGatewayConfiguration.class)
			.run(args);
		second = new SpringApplicationBuilder(AtriumApplication.class, TestClock.Configuration.class).run(args);
	}

	@AfterAll
	static void stop() {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
	}

	@BeforeEach
	void shop() {
		this.shop = new BillingShop(first);
		FlakyGateway.of(first).reset();
	}

	@AfterEach
	void cancelWhatIsLeft() {
		FlakyGateway.of(first).reset();
		for (Subscription s : this.started) {
			if (this.shop.reload(s).status().billable()) {
				first.getBean(Subscriptions.class).cancel(BillingShop.ADMIN, s.code(), false);
			}
		}
		clocks(null);
	}

	/**
	 * Sets both instances' clocks (null: back to real time).
	 */
	static void clocks(Instant at) {
		for (ConfigurableApplicationContext context : List.of(first, second)) {
			TestClock clock = context.getBean(TestClock.class);
			if (at == null) {
				clock.reset();
			}
			else {
				clock.set(at);
			}
		}
	}

	static Instant local(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(ZONE).toInstant();
	}

	static Instant midnight(int year, int month, int day) {
		return LocalDate.of(year, month, day).atStartOfDay(ZONE).toInstant();
	}

	static Renewals renewals(ConfigurableApplicationContext context) {
		return context.getBean(Renewals.class);
	}

	/**
	 * Subscriptions of one plan bought now by a few buyers, several each (each its own
	 * subscription).
	 */
	List<Subscription> subscriptions(int count, String card) {
		long producer = this.shop.producer("America/Sao_Paulo");
		Offer plan = this.shop.plan(producer, this.shop.product(producer), "Monthly", 3000, BillingPeriod.MONTHLY, null,
				0);
		List<String> buyers = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			buyers.add(BillingShop.unique("many"));
		}
		List<Subscription> made = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			made.add(this.shop.subscribe(plan, buyers.get(i % buyers.size()), card));
		}
		this.started.addAll(made);
		return made;
	}

	Purchase recurrence(Subscription s, int recurrence) {
		List<Purchase> purchases = this.shop.charges(s)
			.stream()
			.filter((p) -> p.recurrenceNumber() != null && p.recurrenceNumber() == recurrence)
			.toList();
		assertThat(purchases).as("purchases of %s recurrence %d", s.code(), recurrence).hasSize(1);
		return purchases.get(0);
	}

	/** Asserts each subscription paid the recurrence once: one purchase, one charge. */
	void chargedOnce(List<Subscription> subscriptions, int recurrence) {
		for (Subscription s : subscriptions) {
			Subscription now = this.shop.reload(s);
			assertThat(now.currentRecurrence()).as(s.code()).isEqualTo(recurrence);
			assertThat(now.status()).as(s.code()).isEqualTo(SubscriptionStatus.ACTIVE);
			Purchase charge = recurrence(s, recurrence);
			assertThat(charge.status()).isEqualTo(PurchaseStatus.APPROVED);
			assertThat(this.shop.sandboxCharges(charge)).as(charge.transaction()).containsExactly("APPROVED 3000");
			assertThat(RecordedSubscriptionEvents.of(s, SubscriptionEvents.Charged.class))
				.filteredOn((e) -> Integer.valueOf(recurrence).equals(e.recurrence()))
				.hasSize(1);
		}
	}

	/**
	 * What a renewal run does for a subscription it found due, bypassing the lease.
	 * @return the recurrence paid after it
	 */
	static int chargeNext(ConfigurableApplicationContext instance, Subscription s) {
		return instance.getBean(Billing.class)
			.chargeNext(s.id(), null, Actor.SYSTEM)
			.subscription()
			.currentRecurrence();
	}

	static <T> List<T> all(List<Callable<T>> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
		try {
			CountDownLatch go = new CountDownLatch(1);
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> task : tasks) {
				futures.add(pool.submit(() -> {
					go.await();
					return task.call();
				}));
			}
			go.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(120, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void twoInstancesRenewingManyDueSubscriptionsAtOnceChargeEachPeriodOnce() throws Exception {
		clocks(local(2027, 1, 10, 12, 0));
		List<Subscription> subscriptions = subscriptions(60, SandboxCards.APPROVED);

		clocks(midnight(2027, 2, 10).plus(Duration.ofMinutes(1)));
		List<Integer> processed = all(List.of(() -> renewals(first).runDue(), () -> renewals(second).runDue(),
				() -> renewals(first).runDue(), () -> renewals(second).runDue()));
		assertThat(processed.stream().mapToInt(Integer::intValue).sum()).as("each subscription taken by one run")
			.isEqualTo(60);
		chargedOnce(subscriptions, 2);

		// a run cut short on one instance; the other goes on where it stopped
		clocks(midnight(2027, 3, 10).plus(Duration.ofMinutes(1)));
		assertThat(renewals(first).runDue(10)).isEqualTo(10);
		assertThat(renewals(second).runDue()).isEqualTo(50);
		assertThat(renewals(first).runDue()).isZero();
		chargedOnce(subscriptions, 3);
	}

	@Test
	void twoInstancesChargingTheSameRecurrenceAtOnceChargeItOnce() throws Exception {
		clocks(local(2027, 1, 10, 12, 0));
		List<Subscription> subscriptions = subscriptions(10, SandboxCards.APPROVED);
		clocks(midnight(2027, 2, 10).plus(Duration.ofMinutes(1)));
		// no lease: both instances charge each subscription's next recurrence together,
		// as two runs would after a lease ran out under a slow gateway
		for (Subscription s : subscriptions) {
			List<Callable<Integer>> tasks = new ArrayList<>();
			for (ConfigurableApplicationContext instance : List.of(first, second, first, second)) {
				tasks.add(() -> chargeNext(instance, s));
			}
			// each call charged recurrence 2 or found it paid and charged nothing, never
			// recurrence 3 ahead of its date
			assertThat(all(tasks)).containsOnly(2);
		}
		chargedOnce(subscriptions, 2);
	}

	@Test
	void aSecondInstanceThatReadTheChargeBeforeTheFirstCommittedItDoesNotChargeAgain() throws Exception {
		clocks(local(2027, 1, 10, 12, 0));
		Subscription s = subscriptions(1, SandboxCards.APPROVED).get(0);
		clocks(midnight(2027, 2, 10).plus(Duration.ofMinutes(1)));
		ApprovalPause.arm(s.id());
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Integer> one = pool.submit(() -> chargeNext(first, s));
			// the first instance charged and is committing the approval, holding the
			// purchase
			ApprovalPause.awaitHeld();
			Future<Integer> two = pool.submit(() -> chargeNext(second, s));
			// the second read the purchase as not yet paid and waits for its lock
			Thread.sleep(500);
			ApprovalPause.release();
			assertThat(one.get(60, TimeUnit.SECONDS)).isEqualTo(2);
			assertThat(two.get(60, TimeUnit.SECONDS)).isEqualTo(2);
		}
		finally {
			ApprovalPause.release();
			pool.shutdownNow();
		}
		chargedOnce(List.of(s), 2);
	}

	@Test
	void aRunKilledMidwayKeepsItsLeasesAndTheRerunAfterThemChargesTheRestOnce() {
		clocks(local(2027, 1, 10, 12, 0));
		List<Subscription> subscriptions = subscriptions(30, SandboxCards.APPROVED);
		Instant due = midnight(2027, 2, 10).plus(Duration.ofMinutes(1));
		clocks(due);
		FlakyGateway gateway = FlakyGateway.of(first);
		// four renewals go through; the fifth is charged by the gateway, then the
		// instance dies before it records the answer
		gateway.dieAfterRenewals(4);
		assertThatThrownBy(() -> renewals(first).runDue()).isInstanceOf(InstanceKilled.class);
		List<Subscription> renewed = subscriptions.stream()
			.filter((s) -> this.shop.reload(s).currentRecurrence() == 2)
			.toList();
		assertThat(renewed).hasSize(4);
		chargedOnce(renewed, 2);
		Subscription inFlight = subscriptions.stream()
			.filter((s) -> this.shop.charges(s).size() == 2 && this.shop.reload(s).currentRecurrence() == 1)
			.findFirst()
			.orElseThrow();
		Purchase unrecorded = recurrence(inFlight, 2);
		assertThat(unrecorded.status()).as("charged, never recorded").isEqualTo(PurchaseStatus.STARTED);
		assertThat(this.shop.sandboxCharges(unrecorded)).containsExactly("APPROVED 3000");

		// the dead run's leases still hold: another instance at once charges nothing
		assertThat(renewals(second).runDue()).isZero();
		assertThat(subscriptions.stream().filter((s) -> this.shop.reload(s).currentRecurrence() == 2)).hasSize(4);

		// after the leases, the other instance resumes: the charge in flight is answered
		// by the gateway under the same key, the rest are charged, each once
		clocks(due.plus(Renewals.LEASE).plus(Duration.ofMinutes(1)));
		assertThat(renewals(second).runDue()).isEqualTo(26);
		chargedOnce(subscriptions, 2);
		assertThat(renewals(first).runDue()).isZero();
		assertThat(gateway.renewalCalls()).isEqualTo(5);
	}

	@Test
	void whileTheGatewayCannotBeReachedEachDueSubscriptionIsTriedOncePerLease() {
		clocks(local(2027, 1, 10, 12, 0));
		List<Subscription> subscriptions = subscriptions(5, SandboxCards.APPROVED);
		Instant due = midnight(2027, 2, 10).plus(Duration.ofMinutes(1));
		clocks(due);
		FlakyGateway gateway = FlakyGateway.of(first);
		gateway.unreachable(true);
		int processed = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> renewals(first).runDue());
		assertThat(processed).isEqualTo(5);
		assertThat(gateway.renewalCalls()).as("one call each, not a loop").isEqualTo(5);
		assertThat(renewals(first).runDue()).isZero();
		assertThat(renewals(second).runDue()).as("leased until the lease ends").isZero();
		for (Subscription s : subscriptions) {
			Subscription now = this.shop.reload(s);
			assertThat(now.status()).isEqualTo(SubscriptionStatus.ACTIVE);
			assertThat(now.currentRecurrence()).isEqualTo(1);
			assertThat(recurrence(s, 2).status()).isEqualTo(PurchaseStatus.STARTED);
		}

		gateway.unreachable(false);
		clocks(due.plus(Renewals.LEASE).plus(Duration.ofMinutes(1)));
		assertThat(renewals(first).runDue()).isEqualTo(5);
		chargedOnce(subscriptions, 2);
		assertThat(gateway.renewalCalls()).isEqualTo(10);
	}

	/**
	 * Both instances' arguments: one database.
	 */
	private static String[] arguments() {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--atrium.demo.enabled=false",
				// the scheduled renewal run stays out of the way: the test runs renewals
				"--db-scheduler.polling-interval=1h", "--logging.level.com.github.kagkarlsson=WARN",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestMail.smtpPort(),
				"--atrium.mail.from=Atrium <no-reply@atrium.test>", "--spring.datasource.hikari.maximum-pool-size=8",
				// one worker per run: the interleavings and the kill after exactly four
				// renewals below are counted call by call (runs with several workers:
				// CrashIntegrationTests, and bench/run.sh's W4 check)
				"--atrium.subscriptions.renewal-workers=1"));
		if ("postgres".equals(TestDatabase.kind())) {
			FreshDatabase database = TestDatabase.fresh();
			args.add("--spring.datasource.url=" + database.url());
			args.add("--spring.datasource.username=");
			args.add("--spring.datasource.password=");
			args.add("--spring.flyway.default-schema=" + database.schema());
		}
		else {
			args.add("--spring.datasource.url=jdbc:h2:mem:renewals_" + UUID.randomUUID().toString().replace("-", "")
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		}
		return args.toArray(String[]::new);
	}

	/** What a killed instance leaves: nothing after this runs on that thread. */
	static final class InstanceKilled extends Error {

		InstanceKilled(String message) {
			super(message);
		}

	}

	/**
	 * The first instance's gateway: the sandbox, which a test can make unreachable or
	 * have the instance die right after a renewal charge went through.
	 */
	static final class FlakyGateway implements PaymentGateway {

		private final PaymentGateway sandbox;

		private final AtomicInteger dieAfter = new AtomicInteger(-1);

		private final AtomicInteger renewalCalls = new AtomicInteger();

		private volatile boolean unreachable;

		FlakyGateway(PaymentGateway sandbox) {
			this.sandbox = sandbox;
		}

		static FlakyGateway of(ConfigurableApplicationContext context) {
			return context.getBean(FlakyGateway.class);
		}

		void reset() {
			this.dieAfter.set(-1);
			this.renewalCalls.set(0);
			this.unreachable = false;
		}

		void dieAfterRenewals(int renewals) {
			this.dieAfter.set(renewals);
		}

		void unreachable(boolean unreachable) {
			this.unreachable = unreachable;
		}

		int renewalCalls() {
			return this.renewalCalls.get();
		}

		@Override
		public Charge charge(ChargeRequest request) {
			if (request.paymentToken() == null) {
				return this.sandbox.charge(request);
			}
			this.renewalCalls.incrementAndGet();
			if (this.unreachable) {
				throw new IllegalStateException("Connection refused (test)");
			}
			Charge charge = this.sandbox.charge(request);
			if (this.dieAfter.getAndDecrement() == 0) {
				throw new InstanceKilled("Killed right after charging " + request.idempotencyKey());
			}
			return charge;
		}

		@Override
		public Optional<Charge> find(String idempotencyKey) {
			return this.sandbox.find(idempotencyKey);
		}

		@Override
		public Charge refund(String idempotencyKey) {
			return this.sandbox.refund(idempotencyKey);
		}

		@Override
		public Optional<Charge> expire(String idempotencyKey) {
			return this.sandbox.expire(idempotencyKey);
		}

	}

	/**
	 * Puts the flaky gateway in front of the sandbox in the first instance (a source of
	 * that instance only: not a {@code @Configuration}, so no component scan finds it).
	 */
	static class FlakyGatewayConfiguration {

		@Bean
		@Primary
		FlakyGateway flakyGateway(SandboxGateway sandbox) {
			return new FlakyGateway(sandbox);
		}

	}

}
