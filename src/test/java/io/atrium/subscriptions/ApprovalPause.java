package io.atrium.subscriptions;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.atrium.checkout.PurchaseApproved;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Test-only listener (scanned from the test classpath): when armed for a subscription,
 * the transaction that approves one of its charges stops, holding the purchase's lock,
 * until the test lets it go. Lets a test put a second caller exactly between the first
 * one's gateway call and its commit.
 */
@Component
class ApprovalPause {

	private static volatile Long subscriptionId;

	private static volatile CountDownLatch entered = new CountDownLatch(1);

	private static volatile CountDownLatch release = new CountDownLatch(0);

	/**
	 * The next approval of a charge of the subscription waits for {@link #release()}.
	 */
	static void arm(long subscription) {
		entered = new CountDownLatch(1);
		release = new CountDownLatch(1);
		subscriptionId = subscription;
	}

	/**
	 * Waits until an approval is held.
	 */
	static void awaitHeld() throws InterruptedException {
		if (!entered.await(30, TimeUnit.SECONDS)) {
			throw new AssertionError("No approval was held");
		}
	}

	/**
	 * Lets the held approval commit.
	 */
	static void release() {
		subscriptionId = null;
		release.countDown();
	}

	@EventListener
	void on(PurchaseApproved event) throws InterruptedException {
		Long armed = subscriptionId;
		if (armed != null && armed.equals(event.subscriptionId())) {
			subscriptionId = null;
			entered.countDown();
			release.await(30, TimeUnit.SECONDS);
		}
	}

}
