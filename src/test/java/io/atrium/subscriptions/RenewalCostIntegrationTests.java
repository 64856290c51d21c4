package io.atrium.subscriptions;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.atrium.checkout.internal.SandboxCards;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.CountingDataSource;
import io.atrium.support.CountingDataSource.Work;
import io.atrium.support.Eventually;
import io.atrium.support.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What one renewal costs the database, counted (commits and statements through a wrapped
 * DataSource, event publications in the registry), so that the work per renewal (issue
 * 14, workload W4) cannot grow unnoticed: the renewal run's own work (its workers and the
 * caller's claim of the batch) and the reactions it starts (the receipt e-mail, the
 * webhook check). Counts, not times: they are the same on any machine.
 */
@AtriumIntegrationTest
@Import(CountingDataSource.Configuration.class)
class RenewalCostIntegrationTests {

	private static final int RENEWALS = 5;

	private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

	@Autowired
	ApplicationContext context;

	@Autowired
	CountingDataSource counter;

	@Autowired
	TestClock clock;

	@Autowired
	Renewals renewals;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void reset() {
		this.clock.reset();
	}

	@Test
	void aRenewalCostsAFixedNumberOfTransactionsAndPublications() {
		BillingShop shop = new BillingShop(this.context);
		this.clock.set(LocalDateTime.of(2027, 3, 9, 12, 0).atZone(SAO_PAULO).toInstant());
		BillingShop.Club club = shop.monthlyClub("America/Sao_Paulo", 4990, 0);
		// warm-up: one subscription due a day before the others (caches, first-use
		// statements)
		Subscription warmUp = shop.subscribe(club.plan(), BillingShop.unique("cost"), SandboxCards.APPROVED);
		this.clock.set(LocalDateTime.of(2027, 3, 10, 12, 0).atZone(SAO_PAULO).toInstant());
		List<Subscription> due = new ArrayList<>();
		for (int i = 0; i < RENEWALS; i++) {
			due.add(shop.subscribe(club.plan(), BillingShop.unique("cost"), SandboxCards.APPROVED));
		}
		shop.renewAt(warmUp, warmUp.nextChargeAt().plus(Duration.ofMinutes(1)));
		quiet();

		this.clock.set(due.stream()
			.map(Subscription::nextChargeAt)
			.max(Comparator.naturalOrder())
			.orElseThrow()
			.plus(Duration.ofMinutes(1)));
		long publicationsBefore = publications();
		this.counter.reset();
		for (Subscription s : due) {
			assertThat(shop.renew(s).currentRecurrence()).isEqualTo(2);
		}
		quiet();
		double publications = per(publications() - publicationsBefore);

		// the renewal task may run the renewals on db-scheduler's thread instead of the
		// test's: its workers do the same either way
		double run = per(this.counter.commits(Work.RENEWAL));
		double runStatements = per(this.counter.statements(Work.RENEWAL));
		double listeners = per(this.counter.commits(Work.LISTENER));
		double listenerStatements = per(this.counter.statements(Work.LISTENER));
		for (Work work : List.of(Work.RENEWAL, Work.LISTENER)) {
			System.out.println("--- " + work + " (" + RENEWALS + " renewals)");
			this.counter.sql(work).forEach((sql, n) -> System.out.printf("%5d  %s%n", n, sql));
		}
		System.out.printf(
				"Per renewal: run %.1f statements / %.1f commits; listeners %.1f statements /"
						+ " %.1f commits; %.1f event publications%n",
				runStatements, run, listenerStatements, listeners, publications);
		// measured on 2026-12-07 (docs/performance.md), with the test's own recording
		// listener (one publication handled on the renewal's thread: 3 statements, 2
		// commits of the run's). Before, per renewal: the run 41 statements / 14 commits,
		// the listeners 15 / 12, 4 publications (the members area told of an unchanged
		// right, the negotiation listener registered for every charge). Lower is fine,
		// higher fails
		assertThat(publications).as("event publications per renewal").isLessThanOrEqualTo(2);
		assertThat(run).as("renewal run commits per renewal").isLessThanOrEqualTo(8);
		assertThat(runStatements).as("renewal run statements per renewal").isLessThanOrEqualTo(28);
		assertThat(listeners).as("listener commits per renewal").isLessThanOrEqualTo(6);
		assertThat(listenerStatements).as("listener statements per renewal").isLessThanOrEqualTo(8);
	}

	/** Every reaction done, every e-mail sent. */
	private void quiet() {
		Eventually.until("every reaction done, every e-mail sent",
				() -> count("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL") == 0
						&& count("SELECT COUNT(*) FROM mail_outbox WHERE status = 'PENDING'") == 0);
	}

	/** The application's publications (not the test's own recording listeners). */
	private long publications() {
		return count("SELECT COUNT(*) FROM event_publication WHERE listener_id NOT LIKE '%.Recorded%'");
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

	private static double per(long total) {
		return (double) total / RENEWALS;
	}

}
