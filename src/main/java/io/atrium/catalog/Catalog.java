package io.atrium.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What other modules (checkout, members area, subscriptions) may ask of the catalog. Read
 * only; every method answers from committed data and may run inside the caller's
 * transaction.
 */
public interface Catalog {

	/**
	 * Finds the offer a checkout link points at, whatever the status of its product: the
	 * caller decides what a draft or paused product means (for example, no sale unless
	 * {@code product().status()} is {@link ProductStatus#ACTIVE}).
	 * @param offerCode the offer's 8-character code, as in {@code /checkout/{offerCode}}
	 * @return the offer with its product, empty when no offer has that code
	 */
	Optional<OfferForSale> offerForSale(String offerCode);

	/**
	 * @param productId a product's numeric id
	 * @return every offer of the product with its terms, as a checkout would sell it
	 * (whatever the product's status), oldest first; empty for an unknown product
	 */
	List<OfferForSale> offersOf(long productId);

	/**
	 * Decides whether a coupon applies to an offer at an instant. The coupon code is
	 * compared without regard to case. A coupon applies when it belongs to the offer's
	 * product, is not restricted to other offers of it, and {@code at} is not before its
	 * start (inclusive) nor at or after its end (exclusive).
	 * @param offerCode the offer's code
	 * @param couponCode the code the buyer typed or the coupon link carried
	 * @param at the instant of the purchase
	 * @return {@link CouponDecision.Applied} with the discounted price (rounded half-up
	 * to minor units), or {@link CouponDecision.Refused} with the reason
	 */
	CouponDecision checkCoupon(String offerCode, String couponCode, Instant at);

	/**
	 * @param productId a product's numeric id
	 * @return the product, empty when there is none with that id
	 */
	Optional<ProductSummary> product(long productId);

	/**
	 * @param producerAccountId a producer's account id
	 * @return every product of the producer, oldest first
	 */
	List<ProductSummary> productsOf(long producerAccountId);

}
