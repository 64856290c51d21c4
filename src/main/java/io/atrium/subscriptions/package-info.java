/**
 * Subscriptions and recurring billing: a subscription for each purchase of a plan offer,
 * renewals charged exactly once per (subscription, recurrence), dunning (retries, DELAYED,
 * OVERDUE, automatic cancellation), cancel, reactivate, change of due day and plan switch,
 * the buyer's "My subscriptions", the producer's subscriptions pages and the
 * Hotmart-compatible subscriptions API ({@code /payments/api/v1/subscriptions...}).
 * <p>
 * Each charge is a purchase made through {@link io.atrium.checkout.RecurringCharges}; the
 * due charges are data ({@code subscriptions.next_attempt_at}) claimed in batches by a
 * db-scheduler task. Access follows {@link SubscriptionAccessChanged}, which the members
 * area handles after commit. See docs/subscriptions.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Subscriptions")
package io.atrium.subscriptions;
