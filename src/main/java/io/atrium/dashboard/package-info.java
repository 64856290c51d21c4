/**
 * The producer's dashboard ({@code /business}): revenue and sales over today, the last 7
 * or 30 days (a chart and its table), new students, refunds, the best-selling offers,
 * subscription figures (MRR, churn) and what to do next, each figure a link to the list
 * behind it. Reads other modules only through their public APIs
 * ({@link io.atrium.checkout.SalesFigures}, {@link io.atrium.checkout.SalesQuery},
 * {@code club::groups} and {@code club::content},
 * {@link io.atrium.subscriptions.SubscriptionFigures}, the catalog, API credentials and
 * webhooks); has no tables of its own. A branding module tells whether a producer set
 * their brand through {@link io.atrium.media.Branding}. See docs/dashboard.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dashboard")
package io.atrium.dashboard;
