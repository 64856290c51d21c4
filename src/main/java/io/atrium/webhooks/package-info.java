/**
 * Webhooks: Hotmart-compatible postbacks (v2.0.0, hotmart-api.md §8) that are signed
 * (Standard Webhooks headers besides {@code X-HOTMART-HOTTOK}), retried, logged and never
 * lost.
 * <p>
 * Listeners ({@code @ApplicationModuleListener}s of checkout's
 * {@link io.atrium.checkout.PurchaseStatusChanged}, the subscriptions' events and the
 * club's {@link io.atrium.club.ClubFirstAccess} /
 * {@link io.atrium.club.ClubModuleCompleted}) write one delivery per (event, endpoint)
 * after the change committed, retried through the event publication registry until they
 * succeed; a db-scheduler task finds abandoned checkouts. The dispatcher (another
 * db-scheduler task) claims due deliveries with a lease and posts them on a worker pool,
 * outside any transaction, to addresses checked against SSRF. Producers manage endpoints,
 * the hottok and the delivery log through {@link io.atrium.webhooks.Webhooks} (pages,
 * {@code /api/v1/webhooks}). See docs/webhooks.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Webhooks")
package io.atrium.webhooks;
