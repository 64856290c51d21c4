package io.atrium.checkout;

import java.time.Instant;
import java.util.List;

import io.atrium.checkout.internal.PurchaseRows;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checkouts a buyer left unpaid (for the {@code PURCHASE_OUT_OF_SHOPPING_CART} webhook):
 * a purchase records the buyer's name and e-mail when the checkout is submitted, so a
 * purchase that was never paid (still started, a PIX never paid, a refused card, an
 * expired PIX or billet) and that the buyer did not follow with another attempt at the
 * same product is an abandoned cart. Renewals of subscriptions and imported purchases are
 * not checkouts and never count.
 */
@Service
public class AbandonedCheckouts {

	/** The most purchases one call answers. */
	public static final int MAX_PAGE = 500;

	private final PurchaseRows rows;

	AbandonedCheckouts(PurchaseRows rows) {
		this.rows = rows;
	}

	/**
	 * @param from the earliest start of the checkout, inclusive
	 * @param to the latest start, exclusive (for example an hour ago: a checkout younger
	 * than that may still be paid)
	 * @param afterId only purchases with a greater id: 0 first, then the last id of the
	 * previous page
	 * @param limit how many at most (clamped to 1..{@value #MAX_PAGE})
	 * @return the abandoned checkouts of every producer, by id
	 */
	@Transactional(readOnly = true)
	public List<Purchase> startedBetween(Instant from, Instant to, long afterId, int limit) {
		return this.rows.unpaidStartedBetween(from, to, afterId, Math.max(1, Math.min(MAX_PAGE, limit)));
	}

}
