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
 * @param buyerIp the buyer's IP address as the checkout page saw it, or null (API)
 * @param installments how many card installments the buyer asks for, or null for one;
 * checked against the offer's maximum and the method when the purchase starts
 */
public record CheckoutRequest(String attempt, String offerCode, String couponCode, Buyer buyer, PaymentMethod method,
		CardDetails card, Long sellerAccountId, String buyerIp, Integer installments) {

	/**
	 * A checkout in one installment.
	 * @param attempt the one-time id of this checkout
	 * @param offerCode the offer
	 * @param couponCode a coupon code, or null
	 * @param buyer who buys
	 * @param method how they pay
	 * @param card the card, or null
	 * @param sellerAccountId the producer who must own the offer, or null
	 * @param buyerIp the buyer's IP address, or null
	 */
	public CheckoutRequest(String attempt, String offerCode, String couponCode, Buyer buyer, PaymentMethod method,
			CardDetails card, Long sellerAccountId, String buyerIp) {
		this(attempt, offerCode, couponCode, buyer, method, card, sellerAccountId, buyerIp, null);
	}

	/**
	 * A checkout without the buyer's address (the API, tests).
	 * @param attempt the one-time id of this checkout
	 * @param offerCode the offer
	 * @param couponCode a coupon code, or null
	 * @param buyer who buys
	 * @param method how they pay
	 * @param card the card, or null
	 * @param sellerAccountId the producer who must own the offer, or null
	 */
	public CheckoutRequest(String attempt, String offerCode, String couponCode, Buyer buyer, PaymentMethod method,
			CardDetails card, Long sellerAccountId) {
		this(attempt, offerCode, couponCode, buyer, method, card, sellerAccountId, null, null);
	}

}
