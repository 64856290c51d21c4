package io.atrium.subscriptions;

import io.atrium.catalog.BillingPeriod;
import io.atrium.shared.Money;

/**
 * The plan (a recurring offer) a subscription pays, as it was when the subscription took
 * it.
 *
 * @param offerId the offer
 * @param offerCode its 8-character code
 * @param name its name
 * @param period how often it charges
 * @param maxCharges how many charges in all, null until cancelled
 * @param trialDays free days before the first charge
 * @param price the price of each charge
 * @param clubGroupId the members-area group of the offer, or null
 * @param warrantyDays the product's refund guarantee in days
 */
public record Plan(long offerId, String offerCode, String name, BillingPeriod period, Integer maxCharges, int trialDays,
		Money price, Long clubGroupId, int warrantyDays) {

}
