package io.atrium.checkout.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.atrium.platform.BusyAnswers;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code atrium.checkout.concurrency} checkouts ({@code POST /api/v1/checkout},
 * {@code POST /checkout/{offer}}) run at once on this instance; up to
 * {@code atrium.checkout.max-waiting} others queue, first come first served, for up to
 * {@code atrium.checkout.queue-timeout}, holding no connection meanwhile. A request that
 * finds the queue full, or waits it out, is answered 503 with {@code Retry-After} at
 * once. This keeps a launch's burst of buyers from taking every pooled connection (pages
 * and the rest of the API keep theirs) and turns a saturated instance into a quick answer
 * instead of a long hang. Runs before the session store and security, which take
 * connections too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class CheckoutBulkhead extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(CheckoutBulkhead.class);

	private static final long RETRY_AFTER_SECONDS = 5;

	private final Semaphore permits;

	private final Duration queueTimeout;

	private final int maxWaiting;

	private final AtomicInteger waiting = new AtomicInteger();

	private final BusyAnswers busy;

	CheckoutBulkhead(@Value("${atrium.checkout.concurrency:10}") int concurrency,
			@Value("${atrium.checkout.max-waiting:1000}") int maxWaiting,
			@Value("${atrium.checkout.queue-timeout:20s}") Duration queueTimeout, BusyAnswers busy) {
		if (concurrency < 1) {
			throw new IllegalStateException("atrium.checkout.concurrency must be at least 1, not " + concurrency);
		}
		this.permits = new Semaphore(concurrency, true);
		this.queueTimeout = queueTimeout;
		this.maxWaiting = maxWaiting;
		this.busy = busy;
	}

	private boolean awaitPermit() {
		if (this.waiting.incrementAndGet() > this.maxWaiting) {
			this.waiting.decrementAndGet();
			log.warn("{} checkouts already waiting; answered 503", this.maxWaiting);
			return false;
		}
		try {
			if (this.permits.tryAcquire(this.queueTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
				return true;
			}
			log.warn("No checkout slot within {}; answered 503", this.queueTimeout);
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		finally {
			this.waiting.decrementAndGet();
		}
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod())) {
			return true;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.equals("/api/v1/checkout") || path.matches("/checkout/[^/]+"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.permits.tryAcquire() && !awaitPermit()) {
			this.busy.write(request, response, RETRY_AFTER_SECONDS);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.permits.release();
		}
	}

}
