package io.atrium.catalog;

/**
 * The terms of a recurring offer.
 *
 * @param period how often it charges
 * @param maxCharges how many charges in all, or null for charges until cancelled
 * @param trialDays free days before the first charge, 0 for none
 */
public record RecurringPlan(BillingPeriod period, Integer maxCharges, int trialDays) {

}
