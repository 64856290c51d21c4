package io.atrium.notifications.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * This instance's mail sender: one thread that sends batches
 * ({@link MailDelivery#sendBatch}) for as long as they come back full, so a backlog goes
 * out batch after batch without waiting, then stops until it is woken again.
 * <p>
 * It is woken after each commit that queued mail ({@link #wakeAfterCommit()}: a message
 * leaves within moments of its transaction) and by the db-scheduler task
 * {@code mail-outbox} every {@code atrium.mail.poll-interval} (retries that came due,
 * messages an instance that died was holding). Wake-ups while it is sending are folded
 * into one more round.
 */
@Component
class OutboxSender implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(OutboxSender.class);

	private final MailDelivery delivery;

	private final int batchSize;

	private final ExecutorService thread = Executors.newSingleThreadExecutor((r) -> {
		Thread t = new Thread(r, "mail-sender");
		t.setDaemon(true);
		return t;
	});

	private final AtomicBoolean wanted = new AtomicBoolean();

	private final AtomicBoolean running = new AtomicBoolean();

	OutboxSender(MailDelivery delivery, MailSettings settings) {
		this.delivery = delivery;
		this.batchSize = settings.batchSize();
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

	/** Sends what is due, on the sender's thread; returns at once. */
	void wake() {
		this.wanted.set(true);
		if (!this.thread.isShutdown() && this.running.compareAndSet(false, true)) {
			try {
				this.thread.execute(this::run);
			}
			catch (RuntimeException ex) {
				// shutting down: what is due waits for the next instance's poll
				this.running.set(false);
			}
		}
	}

	private void run() {
		try {
			while (this.wanted.getAndSet(false) && !this.thread.isShutdown()) {
				drain();
			}
		}
		finally {
			this.running.set(false);
		}
		if (this.wanted.get()) {
			wake();
		}
	}

	private void drain() {
		try {
			while (this.delivery.sendBatch() >= this.batchSize && !this.thread.isShutdown()) {
				// a full batch: more is due, go on at once
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
		this.thread.shutdown();
		if (!this.thread.awaitTermination(10, TimeUnit.SECONDS)) {
			// a batch still sending keeps its claim until it runs out, then is sent again
			this.thread.shutdownNow();
		}
	}

}
