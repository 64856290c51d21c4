/**
 * Checkout: the checkout page of an offer, payments through the
 * {@link io.atrium.checkout.PaymentGateway} port (the built-in sandbox gateway by
 * default), purchases with their status history, the purchase e-mail and the buyer's "My
 * purchases".
 * <p>
 * Other modules listen to {@link io.atrium.checkout.PurchaseApproved} (members-area
 * enrollment, webhooks) and {@link io.atrium.checkout.PurchaseStatusChanged}, published
 * inside the transaction that caused them. See docs/payments.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Checkout")
package io.atrium.checkout;
