package io.atrium.checkout;

import java.time.Instant;

import io.atrium.shared.Money;

/**
 * What a purchase is for; fixed when it starts.
 *
 * @param transaction the transaction code ({@code HP} + 14 digits)
 * @param checkoutAttempt the one-time id of the checkout form (or API idempotency key)
 * that made it: one purchase per attempt
 * @param offerId the offer
 * @param offerCode the offer's code
 * @param productId the product
 * @param productName the product's name at the time
 * @param producerAccountId the seller
 * @param clubGroupId the offer's members-area group, or null
 * @param couponCode the coupon applied, or null
 * @param listPrice the offer's price
 * @param price what is charged (the list price less the coupon's discount)
 * @param method how the buyer pays
 * @param buyer who buys
 * @param createdAt when it started
 */
public record PurchaseTerms(String transaction, String checkoutAttempt, long offerId, String offerCode, long productId,
		String productName, long producerAccountId, Long clubGroupId, String couponCode, Money listPrice, Money price,
		PaymentMethod method, Buyer buyer, Instant createdAt) {

}
