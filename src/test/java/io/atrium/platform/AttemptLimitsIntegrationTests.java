package io.atrium.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attempt limits live in the database: two {@link AttemptLimits} on one database (two
 * instances of Atrium) count together, a new one (a restart) remembers, and concurrent
 * attempts never get more than the allowance.
 */
@AtriumIntegrationTest
class AttemptLimitsIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void twoInstancesSharingTheDatabaseCountTogether() {
		String scope = scope();
		AttemptLimiter first = instance().limiter(scope, 4);
		AttemptLimiter second = instance().limiter(scope, 4);
		first.record("203.0.113.7");
		second.record("203.0.113.7");
		first.record("203.0.113.7");
		assertThat(second.waitFor("203.0.113.7")).as("three of four used").isZero();
		second.record("203.0.113.7");

		assertThat(first.waitFor("203.0.113.7")).isPositive();
		assertThat(second.waitFor("203.0.113.7")).isPositive();
		assertThat(first.tryAcquire("203.0.113.7")).as("refused on the first instance").isPositive();
		assertThat(second.tryAcquire("203.0.113.7")).as("and on the second").isPositive();
		assertThat(first.waitFor("203.0.113.8")).as("another key is not affected").isZero();
	}

	@Test
	void aRestartForgetsNothingAndTheAllowanceRefillsGradually() {
		String scope = scope();
		AttemptLimiter before = instance().limiter(scope, 4);
		for (int i = 0; i < 4; i++) {
			assertThat(before.tryAcquire("someone@example.com")).isZero();
		}
		AttemptLimiter afterRestart = instance().limiter(scope, 4);
		Duration wait = afterRestart.waitFor("someone@example.com");
		assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(15));
		assertThat(afterRestart.tryAcquire("someone@example.com")).isPositive();

		// one attempt comes back every quarter of an hour
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(afterRestart.tryAcquire("someone@example.com")).isZero();
		assertThat(afterRestart.tryAcquire("someone@example.com")).isPositive();
		this.clock.advance(Duration.ofHours(1));
		for (int i = 0; i < 4; i++) {
			assertThat(afterRestart.tryAcquire("someone@example.com")).as("whole again after an hour").isZero();
		}
		assertThat(afterRestart.tryAcquire("someone@example.com")).isPositive();
	}

	@Test
	void recordingBeyondTheAllowanceDoesNotPushTheRefillFurther() {
		AttemptLimiter limiter = instance().limiter(scope(), 2);
		for (int i = 0; i < 10; i++) {
			limiter.record("198.51.100.1");
		}
		assertThat(limiter.waitFor("198.51.100.1")).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(30));
		this.clock.advance(Duration.ofMinutes(30));
		assertThat(limiter.waitFor("198.51.100.1")).isZero();
	}

	@Test
	void severalLimitsAreAcquiredAllOrNothing() {
		AttemptLimits limits = instance();
		AttemptLimiter perEmail = limits.limiter(scope(), 1);
		AttemptLimiter perClient = limits.limiter(scope(), 5);
		assertThat(limits.tryAcquire(perEmail.attempt("a@example.com"), perClient.attempt("192.0.2.1"))).isZero();
		Duration refused = limits.tryAcquire(perEmail.attempt("a@example.com"), perClient.attempt("192.0.2.2"));
		assertThat(refused).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
		assertThat(rows(perClient.scope())).as("the client was not counted when the address was refused").isOne();
		assertThat(perClient.waitFor("192.0.2.2")).isZero();
	}

	@Test
	void concurrentAttemptsOnTwoInstancesNeverExceedTheAllowance() throws Exception {
		String scope = scope();
		List<AttemptLimiter> instances = List.of(instance().limiter(scope, 5), instance().limiter(scope, 5));
		int threads = 8;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> results = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				AttemptLimiter limiter = instances.get(t % 2);
				Callable<Integer> attempts = () -> {
					start.await();
					int counted = 0;
					for (int i = 0; i < 3; i++) {
						if (limiter.tryAcquire("burst@example.com").isZero()) {
							counted++;
						}
					}
					return counted;
				};
				results.add(executor.submit(attempts));
			}
			start.countDown();
			int counted = 0;
			for (Future<Integer> result : results) {
				counted += result.get();
			}
			assertThat(counted).as("24 attempts at once, 5 allowed").isEqualTo(5);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void keysAreStoredOnlyAsHashesAndRefilledRowsAreCleanedUp() {
		AttemptLimits limits = instance();
		String scope = scope();
		AttemptLimiter limiter = limits.limiter(scope, 3);
		limiter.record("private.person@example.com");
		List<String> stored = this.jdbc.sql("SELECT key_hash FROM attempt_counters WHERE scope = ?")
			.param(scope)
			.query(String.class)
			.list();
		assertThat(stored).singleElement().asString().doesNotContain("private").hasSize(64).matches("[0-9a-f]+");

		this.clock.advance(Duration.ofMinutes(10));
		limits.deleteRefilled();
		assertThat(rows(scope)).as("not whole yet: kept").isOne();
		this.clock.advance(Duration.ofMinutes(11));
		limits.deleteRefilled();
		assertThat(rows(scope)).as("whole again after 20 minutes: deleted").isZero();
		assertThat(limiter.waitFor("private.person@example.com")).isZero();

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_name = 'attempt-counters-cleanup'")
			.query(Integer.class)
			.single()).as("the cleanup is a recurring db-scheduler task").isOne();
	}

	/** Another instance of Atrium on the same database. */
	private AttemptLimits instance() {
		return new AttemptLimits(this.dataSource, this.transactions, this.clock);
	}

	private int rows(String scope) {
		return this.jdbc.sql("SELECT COUNT(*) FROM attempt_counters WHERE scope = ?")
			.param(scope)
			.query(Integer.class)
			.single();
	}

	private static String scope() {
		return "test-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
