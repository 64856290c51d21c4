/**
 * Checkout: the checkout page of an offer, payments through the
 * {@link io.atrium.checkout.PaymentGateway} port (the built-in sandbox gateway by
 * default), purchases with their status history, the purchase e-mail and the buyer's "My
 * purchases", refunds and chargebacks ({@link io.atrium.checkout.Refunds}).
 * <p>
 * Other modules listen to {@link io.atrium.checkout.PurchaseApproved} (members-area
 * enrollment, webhooks), {@link io.atrium.checkout.PurchaseRefunded} and
 * {@link io.atrium.checkout.PurchaseChargedBack} (end the access) and
 * {@link io.atrium.checkout.PurchaseStatusChanged}, published inside the transaction that
 * caused them. See docs/payments.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Checkout")
package io.atrium.checkout;
