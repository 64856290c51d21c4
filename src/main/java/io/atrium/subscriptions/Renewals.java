package io.atrium.subscriptions;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The renewal run: due work is data ({@code subscriptions.next_attempt_at}), leased in
 * batches to one instance at a time, then each subscription is taken through what is due
 * (a charge, a retry, OVERDUE, an unpaid recurrence, the end of a limited plan). A run
 * that dies midway leaves the rest due and its leases run out: the next run, on any
 * instance, resumes there, and the one purchase per (subscription, recurrence) makes a
 * repeated charge impossible. A subscription that cannot be settled now (the gateway did
 * not answer, an error) keeps its lease, so it is tried again when the lease runs out
 * rather than at once. Called by a db-scheduler task ({@code SubscriptionTasks}); manages
 * its own transactions.
 * <p>
 * The subscriptions of a leased batch are settled by {@code
 * atrium.subscriptions.renewal-workers} threads at once (default 4), each subscription by
 * one of them: a renewal waits on the gateway (a real one answers in hundreds of
 * milliseconds) and on its transactions, and one thread at a time made a large base's
 * renewal day as slow as the gateway (docs/performance.md, W4). Each worker holds at most
 * one pooled connection at a time.
 */
@Service
public class Renewals {

	/**
	 * How long a run holds the subscriptions it leased, by default
	 * ({@code atrium.subscriptions.renewal-lease}).
	 */
	public static final Duration LEASE = Duration.ofMinutes(5);

	/** Subscriptions leased at once. */
	static final int BATCH = 50;

	private static final Logger log = LoggerFactory.getLogger(Renewals.class);

	private final SubscriptionRows rows;

	private final Billing billing;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final Duration lease;

	private final ExecutorService workers;

	Renewals(SubscriptionRows rows, Billing billing, PlatformTransactionManager transactions, Clock clock,
			DataSource dataSource, @Value("${atrium.subscriptions.renewal-lease:5m}") Duration lease,
			@Value("${atrium.subscriptions.renewal-workers:4}") int workers) {
		if (workers < 1) {
			throw new IllegalArgumentException("atrium.subscriptions.renewal-workers must be at least 1");
		}
		this.lease = lease;
		int workerCount = Math.min(workers, workersForPool(dataSource));
		if (workerCount < workers) {
			log.info("Renewal run on {} worker(s), not {}: a quarter of the connection pool at most", workerCount,
					workers);
		}
		AtomicInteger n = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(workerCount, (task) -> {
			Thread thread = new Thread(task, "renewals-" + n.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.rows = rows;
		this.billing = billing;
		this.transaction = new TransactionTemplate(transactions);
		this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * At most a quarter of the connection pool: a worker holds one connection, and for a
	 * moment a second one while its transaction's after-commit listeners record their
	 * event publications; with as many workers as connections, they waited on each other
	 * until the pool's time-out (found with the tests' pool of 4).
	 */
	private static int workersForPool(DataSource dataSource) {
		try {
			if (dataSource.isWrapperFor(HikariDataSource.class)) {
				return Math.max(1, dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize() / 4);
			}
		}
		catch (SQLException ex) {
			// not a pool we know: as configured
		}
		return Integer.MAX_VALUE;
	}

	/**
	 * Processes every subscription due now, batch after batch.
	 * @return how many subscriptions it processed
	 */
	public int runDue() {
		return runDue(Integer.MAX_VALUE);
	}

	/**
	 * Processes subscriptions due now, at most {@code max} of them (a run cut short
	 * leaves the rest for the next one).
	 * @param max the most subscriptions to process
	 * @return how many it processed
	 */
	public int runDue(int max) {
		String owner = UUID.randomUUID().toString();
		int done = 0;
		while (done < max) {
			Instant now = this.clock.instant();
			int limit = Math.min(BATCH, max - done);
			List<Long> leased = this.transaction
				.execute((status) -> this.rows.claimDue(now, now.plus(this.lease), owner, limit));
			if (leased.isEmpty()) {
				break;
			}
			// after an error (not an exception) no other subscription of the batch is
			// started, as on one thread
			AtomicBoolean failed = new AtomicBoolean();
			awaitAll(leased.stream().<Future<?>>map((id) -> this.workers.submit(() -> {
				if (failed.get()) {
					return;
				}
				try {
					settle(id, owner);
				}
				catch (Error ex) {
					failed.set(true);
					throw ex;
				}
			})).toList());
			done += leased.size();
		}
		return done;
	}

	private void settle(long id, String owner) {
		Settled settled = Settled.KEPT;
		try {
			settled = process(id, owner);
		}
		catch (RuntimeException ex) {
			log.warn("Renewal of subscription {} failed; it stays due and is retried when its lease ends", id, ex);
		}
		if (settled == Settled.DONE) {
			this.transaction.executeWithoutResult((status) -> this.rows.release(id, owner));
		}
		// KEPT: the lease is kept until it runs out: claimed again at once, a
		// subscription the gateway cannot charge now would be tried in a tight loop
	}

	/**
	 * Waits for a batch's workers. An error in one (not an exception: those are logged
	 * and leave the subscription leased) ends the run, as it would on one thread, once
	 * the rest of the batch is settled.
	 */
	private static void awaitAll(List<Future<?>> settling) {
		Throwable failure = null;
		for (Future<?> f : settling) {
			try {
				f.get();
			}
			catch (ExecutionException ex) {
				failure = (failure != null) ? failure : ex.getCause();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				settling.forEach((other) -> other.cancel(true));
				throw new IllegalStateException("Renewal run interrupted", ex);
			}
		}
		if (failure instanceof Error error) {
			throw error;
		}
		if (failure instanceof RuntimeException runtime) {
			throw runtime;
		}
	}

	@PreDestroy
	void stopWorkers() {
		this.workers.shutdownNow();
	}

	/**
	 * Takes one subscription through every step due now. A charge, the usual step, is
	 * three transactions: the step read and the charge prepared, the purchase recorded,
	 * and the outcome recorded with the lease ended when nothing more is due.
	 * @param subscriptionId the subscription
	 * @param owner the run's lease owner
	 * @return whether it is settled (and its lease already ended), or stays due because
	 * the gateway could not be reached
	 */
	Settled process(long subscriptionId, String owner) {
		for (int steps = 0; steps < 20; steps++) {
			Billing.Due due = this.billing.due(subscriptionId);
			switch (due.step()) {
				case NOTHING -> {
					return Settled.DONE;
				}
				case CHARGE -> {
					if (due.charge() == null) {
						// an open negotiation: look again on a later run
						return Settled.KEPT;
					}
					AtomicBoolean released = new AtomicBoolean();
					Billing.Charged charged = this.billing.charge(subscriptionId, due.charge(), null, Actor.SYSTEM,
							(s, dunning, now) -> {
								if (s.due(now, dunning) == Subscription.Step.NOTHING) {
									this.rows.release(subscriptionId, owner);
									released.set(true);
								}
							});
					if (!charged.outcome().known()) {
						// the gateway could not be reached: look again on a later run
						return Settled.KEPT;
					}
					if (released.get()) {
						return Settled.RELEASED;
					}
				}
				case GO_OVERDUE -> this.billing.change(subscriptionId, (s, dunning, now) -> {
					if (s.due(now, dunning) == Subscription.Step.GO_OVERDUE) {
						s.goOverdue(now, dunning);
						this.billing
							.publish(new SubscriptionEvents.WentOverdue(SubscriptionRef.of(s), s.overdueSince(), now));
					}
				});
				case COUNT_UNPAID -> this.billing.change(subscriptionId, (s, dunning, now) -> {
					if (s.due(now, dunning) == Subscription.Step.COUNT_UNPAID) {
						s.countUnpaid(now, dunning);
						if (s.status().cancelled()) {
							this.billing.publish(new SubscriptionEvents.Cancelled(SubscriptionRef.of(s), s.status(),
									Actor.SYSTEM, true, s.accessUntil(), now));
						}
					}
				});
				case COMPLETE -> this.billing.change(subscriptionId, (s, dunning, now) -> {
					if (s.due(now, dunning) == Subscription.Step.COMPLETE) {
						s.complete(now, dunning);
					}
				});
			}
		}
		log.warn("Subscription {} still had work after 20 steps; the next run goes on", subscriptionId);
		return Settled.DONE;
	}

	/** What came of processing one subscription. */
	enum Settled {

		/** Nothing more is due now; its lease is to be ended. */
		DONE,

		/** Nothing more is due now, and its lease was ended with the last change. */
		RELEASED,

		/** It stays due (the gateway could not be reached): the lease runs out. */
		KEPT

	}

}
