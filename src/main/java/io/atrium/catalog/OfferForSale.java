package io.atrium.catalog;

import io.atrium.shared.Money;

/**
 * An offer as a checkout sells it.
 *
 * @param offerId the offer's numeric id
 * @param code the offer's 8-character code, the last part of its checkout link
 * @param name the offer's name
 * @param product the product it sells
 * @param price the price of one payment (of each charge, for a recurring offer)
 * @param paymentMode single payment or recurring
 * @param plan the recurring terms, null for a single payment
 * @param clubGroupId the members-area group buyers join, or null for the product's
 * default group
 * @param main whether it is the product's main offer
 * @param maxInstallments the most card installments a buyer may choose (1 to 12; 1 for a
 * recurring offer)
 */
public record OfferForSale(long offerId, String code, String name, ProductSummary product, Money price,
		PaymentMode paymentMode, RecurringPlan plan, Long clubGroupId, boolean main, int maxInstallments) {

	/**
	 * An offer paid in one installment.
	 * @param offerId the id
	 * @param code the code
	 * @param name the name
	 * @param product the product
	 * @param price the price
	 * @param paymentMode single or recurring
	 * @param plan the recurring terms, or null
	 * @param clubGroupId the members-area group, or null
	 * @param main whether it is the main offer
	 */
	public OfferForSale(long offerId, String code, String name, ProductSummary product, Money price,
			PaymentMode paymentMode, RecurringPlan plan, Long clubGroupId, boolean main) {
		this(offerId, code, name, product, price, paymentMode, plan, clubGroupId, main, 1);
	}

}
