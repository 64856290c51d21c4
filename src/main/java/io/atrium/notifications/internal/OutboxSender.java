package io.atrium.notifications.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * This instance's mail sender: up to {@code atrium.mail.connections} threads, each
 * sending batches ({@link MailDelivery#sendBatch}) over its own SMTP connection for as
 * long as they come back full, so a backlog goes out batch after batch without waiting;
 * then they stop until woken again. Batches claim disjoint messages, so the threads (and
 * other instances) never send the same one.
 * <p>
 * It is woken after each commit that queued mail ({@link #wakeAfterCommit()}: a message
 * leaves within moments of its transaction) and by the db-scheduler task
 * {@code mail-outbox} every {@code atrium.mail.poll-interval} (retries that came due,
 * messages an instance that died was holding). Each wake-up starts one more thread, up to
 * the limit; a full batch starts another, so a backlog soon has them all; wake-ups while
 * every thread is busy are folded into one more round.
 */
@Component
class OutboxSender implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(OutboxSender.class);

	private final MailDelivery delivery;

	private final int batchSize;

	private final int connections;

	private final ExecutorService threads;

	private final AtomicBoolean wanted = new AtomicBoolean();

	private final AtomicInteger running = new AtomicInteger();

	OutboxSender(MailDelivery delivery, MailSettings settings) {
		this.delivery = delivery;
		this.batchSize = settings.batchSize();
		this.connections = settings.connections();
		AtomicInteger count = new AtomicInteger();
		this.threads = Executors.newFixedThreadPool(this.connections, (r) -> {
			Thread t = new Thread(r, "mail-sender-" + count.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
	}

	/**
	 * Wakes the sender once the current transaction commits (at once without one); a
	 * rollback wakes nobody.
	 */
	void wakeAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					wake();
				}

			});
		}
		else {
			wake();
		}
	}

	/** Sends what is due, on one more sender thread if one is free; returns at once. */
	void wake() {
		this.wanted.set(true);
		if (this.threads.isShutdown()) {
			return;
		}
		int now = this.running.get();
		while (now < this.connections) {
			if (this.running.compareAndSet(now, now + 1)) {
				try {
					this.threads.execute(this::run);
				}
				catch (RuntimeException ex) {
					// shutting down: what is due waits for another instance
					this.running.decrementAndGet();
				}
				return;
			}
			now = this.running.get();
		}
	}

	private void run() {
		try {
			while (this.wanted.getAndSet(false) && !this.threads.isShutdown()) {
				drain();
			}
		}
		finally {
			this.running.decrementAndGet();
		}
		if (this.wanted.get()) {
			wake();
		}
	}

	private void drain() {
		try {
			while (this.delivery.sendBatch() >= this.batchSize && !this.threads.isShutdown()) {
				// a full batch: more is due; go on at once, and let another thread help
				if (this.running.get() < this.connections) {
					wake();
				}
			}
		}
		catch (RuntimeException ex) {
			// the database is away: what this batch claimed is released when its claim
			// runs out, and the next wake-up or poll goes on
			logger.warn("Sending the mail outbox failed: {}", ex.toString());
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		this.threads.shutdown();
		if (!this.threads.awaitTermination(10, TimeUnit.SECONDS)) {
			// a batch still sending keeps its claim until it runs out, then is sent again
			this.threads.shutdownNow();
		}
	}

}
