/**
 * Checkout: the checkout page of an offer, payments through the
 * {@link io.atrium.checkout.PaymentGateway} port (the built-in sandbox gateway by
 * default), purchases with their status history, the purchase e-mail and the buyer's "My
 * purchases", refunds and chargebacks ({@link io.atrium.checkout.Refunds}).
 * <p>
 * Other modules react to {@link io.atrium.checkout.PurchaseApproved} (members-area
 * enrolment) and {@link io.atrium.checkout.PurchaseRefunded} /
 * {@link io.atrium.checkout.PurchaseChargedBack} (access ends), and webhooks to
 * {@link io.atrium.checkout.PurchaseStatusChanged} (every status change), with
 * {@code @ApplicationModuleListener}s: published inside the transaction that caused them,
 * handled after it commits and retried through the event publication registry until they
 * succeed; the module's own purchase and refund e-mails are such listeners too. See
 * docs/payments.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Checkout")
package io.atrium.checkout;
