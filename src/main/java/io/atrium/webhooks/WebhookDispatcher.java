package io.atrium.webhooks;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.atrium.webhooks.internal.DeliveryRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Hands due deliveries to this instance's workers. The db-scheduler task
 * {@code webhooks-dispatch} calls {@link #dispatch()} every
 * {@code atrium.webhooks.poll-interval} on one instance at a time; it claims (a
 * conditional update) only as many deliveries as this instance has idle workers, at most
 * {@code per-endpoint} of one endpoint at once across the cluster, and returns at once:
 * the posts run on the worker pool, outside any transaction, so a slow receiver holds a
 * worker (never a database connection) and never more than its share of them. A claim
 * lasts the connect and read timeouts plus a margin; an instance that dies mid-post
 * leaves it to expire, and the delivery is attempted again with the same id.
 * <p>
 * A worker that finished a post goes on with the next due delivery of the same endpoint
 * (claimed the same way, while the endpoint has fewer than {@code per-endpoint} in
 * flight) instead of waiting for the next poll: an endpoint with a backlog (a launch's
 * thousands of events) is served {@code per-endpoint} posts at a time continuously, not
 * {@code per-endpoint} per poll interval.
 */
@Component
class WebhookDispatcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	/** The most deliveries a worker posts in a row before it returns to the pool. */
	static final int CHAIN = 200;

	private final DeliveryRows deliveries;

	private final DeliveryAttempts attempts;

	private final WebhookSettings settings;

	private final Clock clock;

	private final String owner;

	private final ThreadPoolExecutor workers;

	private final AtomicInteger busy = new AtomicInteger();

	WebhookDispatcher(DeliveryRows deliveries, DeliveryAttempts attempts, WebhookSettings settings, Clock clock) {
		this.deliveries = deliveries;
		this.attempts = attempts;
		this.settings = settings;
		this.clock = clock;
		this.owner = ManagementFactory.getRuntimeMXBean().getName() + "/"
				+ UUID.randomUUID().toString().substring(0, 8);
		AtomicInteger count = new AtomicInteger();
		this.workers = new ThreadPoolExecutor(settings.workers(), settings.workers(), 60, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(), (r) -> {
					Thread thread = new Thread(r, "webhook-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
	}

	/**
	 * Claims due deliveries for the idle workers and starts posting them.
	 * @return how many it started
	 */
	int dispatch() {
		if (this.workers.isShutdown()) {
			return 0;
		}
		int idle = this.settings.workers() - this.busy.get();
		if (idle <= 0) {
			return 0;
		}
		Instant now = this.clock.instant();
		List<DeliveryRows.Due> due = this.deliveries.due(now, Math.max(50, idle * 4));
		if (due.isEmpty()) {
			return 0;
		}
		Map<Long, Integer> inFlight = this.deliveries.inFlight(now);
		Instant until = now.plus(this.settings.claim());
		int started = 0;
		for (DeliveryRows.Due d : due) {
			if (started >= idle) {
				break;
			}
			if (inFlight.getOrDefault(d.endpointId(), 0) >= this.settings.perEndpoint()) {
				continue;
			}
			if (!this.deliveries.claim(d.id(), this.owner, until, now)) {
				continue;
			}
			inFlight.merge(d.endpointId(), 1, Integer::sum);
			this.busy.incrementAndGet();
			started++;
			this.workers.execute(() -> {
				try {
					post(d.id(), d.endpointId());
				}
				finally {
					this.busy.decrementAndGet();
				}
			});
		}
		return started;
	}

	/**
	 * Posts a claimed delivery, then the endpoint's next due ones while it has a backlog
	 * (at most {@link #CHAIN} in a row, so a worker comes back to the pool now and then).
	 */
	private void post(long first, long endpointId) {
		Long next = first;
		for (int posted = 0; next != null; posted++) {
			try {
				this.attempts.attempt(next, this.owner);
			}
			catch (RuntimeException ex) {
				// the claim expires and the delivery is attempted again
				log.warn("Webhook delivery {} failed unexpectedly", next, ex);
				return;
			}
			if (posted + 1 >= CHAIN || this.workers.isShutdown()) {
				return;
			}
			next = claimNext(endpointId);
		}
	}

	private Long claimNext(long endpointId) {
		Instant now = this.clock.instant();
		if (this.deliveries.inFlight(now).getOrDefault(endpointId, 0) >= this.settings.perEndpoint()) {
			return null;
		}
		for (long id : this.deliveries.dueOf(endpointId, now, 5)) {
			if (this.deliveries.claim(id, this.owner, now.plus(this.settings.claim()), now)) {
				return id;
			}
		}
		return null;
	}

	/**
	 * @return the deliveries this instance is posting now
	 */
	int busy() {
		return this.busy.get();
	}

	@Override
	public void destroy() throws InterruptedException {
		this.workers.shutdown();
		if (!this.workers.awaitTermination(5, TimeUnit.SECONDS)) {
			// what is left keeps its claim until it expires, then is attempted again
			this.workers.shutdownNow();
		}
	}

}
