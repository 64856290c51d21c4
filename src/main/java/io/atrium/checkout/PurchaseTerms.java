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
 * @param installments how many card installments the buyer chose (1 for PIX, billet and
 * plans); the price is charged once, the issuer bills it in installments
 */
public record PurchaseTerms(String transaction, String checkoutAttempt, long offerId, String offerCode, long productId,
		String productName, long producerAccountId, Long clubGroupId, String couponCode, Money listPrice, Money price,
		PaymentMethod method, Buyer buyer, Instant createdAt, int installments) {

	public PurchaseTerms {
		if (installments < 1 || installments > Installments.MAX) {
			throw new IllegalArgumentException("Installments are 1 to " + Installments.MAX + ", not " + installments);
		}
		if (installments > 1 && method != PaymentMethod.CARD) {
			throw new IllegalArgumentException("Only a card payment has installments, not " + method);
		}
	}

	/**
	 * Terms paid in one installment.
	 * @param transaction the transaction code
	 * @param checkoutAttempt the checkout's one-time id
	 * @param offerId the offer
	 * @param offerCode the offer's code
	 * @param productId the product
	 * @param productName the product's name
	 * @param producerAccountId the seller
	 * @param clubGroupId the members-area group, or null
	 * @param couponCode the coupon, or null
	 * @param listPrice the offer's price
	 * @param price what is charged
	 * @param method how the buyer pays
	 * @param buyer who buys
	 * @param createdAt when it started
	 */
	public PurchaseTerms(String transaction, String checkoutAttempt, long offerId, String offerCode, long productId,
			String productName, long producerAccountId, Long clubGroupId, String couponCode, Money listPrice,
			Money price, PaymentMethod method, Buyer buyer, Instant createdAt) {
		this(transaction, checkoutAttempt, offerId, offerCode, productId, productName, producerAccountId, clubGroupId,
				couponCode, listPrice, price, method, buyer, createdAt, 1);
	}

	/**
	 * @return the split of the price into the chosen installments
	 */
	public Installments split() {
		return new Installments(this.price, this.installments);
	}

}
