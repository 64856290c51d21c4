package io.atrium.catalog;

import io.atrium.shared.Money;

/**
 * What a producer states about an offer when creating or changing it.
 *
 * @param name 1 to 100 characters
 * @param price at least one minor unit, at most 9 999 999 999 (BRL, USD or EUR)
 * @param paymentMode single or recurring
 * @param plan required for {@link PaymentMode#RECURRING} (max charges 1 to 999 or null;
 * trial 0 to 365 days), ignored for a single payment
 * @param clubGroupId the members-area group buyers join, or null for the default
 * @param maxInstallments the most card installments a buyer may split a single payment
 * into, 1 to {@value #MAX_INSTALLMENTS} (1 for a recurring offer)
 */
public record OfferDetails(String name, Money price, PaymentMode paymentMode, RecurringPlan plan, Long clubGroupId,
		int maxInstallments) {

	/** The longest name. */
	public static final int MAX_NAME = 100;

	/** The largest price in minor units. */
	public static final long MAX_AMOUNT = 9_999_999_999L;

	/** The most charges a plan may have. */
	public static final int MAX_CHARGES = 999;

	/** The longest free trial. */
	public static final int MAX_TRIAL_DAYS = 365;

	/** The most card installments an offer may allow. */
	public static final int MAX_INSTALLMENTS = 12;

	/**
	 * Terms paid in one installment.
	 * @param name the name
	 * @param price the price
	 * @param paymentMode single or recurring
	 * @param plan the recurring terms, or null
	 * @param clubGroupId the members-area group, or null
	 */
	public OfferDetails(String name, Money price, PaymentMode paymentMode, RecurringPlan plan, Long clubGroupId) {
		this(name, price, paymentMode, plan, clubGroupId, 1);
	}

}
