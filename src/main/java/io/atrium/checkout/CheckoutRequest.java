package io.atrium.checkout;

/**
 * A buyer's checkout, validated at the edge (page form or API body).
 *
 * @param attempt the one-time id of this checkout: a second request with the same attempt
 * answers the first purchase
 * @param offerCode the offer
 * @param couponCode a coupon code, or null/blank
 * @param buyer who buys
 * @param method how they pay
 * @param card the card for {@link PaymentMethod#CARD}, else null; never stored
 * @param sellerAccountId for a producer's API call, the producer who must own the offer;
 * null on the public checkout page
 */
public record CheckoutRequest(String attempt, String offerCode, String couponCode, Buyer buyer, PaymentMethod method,
		CardDetails card, Long sellerAccountId) {

}
