package io.atrium.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.awaitility.Awaitility;

/**
 * Waits for what Atrium does after a transaction commits (the
 * {@code @ApplicationModuleListener} reactions run asynchronously): polls a condition
 * until it holds, failing after a generous timeout.
 */
public final class Eventually {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private Eventually() {
	}

	/**
	 * @param what what is awaited, for the failure message
	 * @param condition polled until it is true
	 */
	public static void until(String what, BooleanSupplier condition) {
		Awaitility.await(what)
			.atMost(TIMEOUT)
			.pollInterval(Duration.ofMillis(50))
			.pollDelay(Duration.ZERO)
			.until(condition::getAsBoolean);
	}

}
