package io.atrium.webhooks;

import java.util.Optional;

import io.atrium.checkout.PurchaseStatus;

/**
 * The events an endpoint can subscribe to, named as in the Hotmart postback v2.0.0
 * (hotmart-api.md §8.1).
 */
public enum WebhookEvent {

	/** A purchase was paid (§8.2). */
	PURCHASE_APPROVED,

	/** A purchase's refund guarantee ended (§8.2). */
	PURCHASE_COMPLETE,

	/**
	 * A purchase was cancelled: a refused card, or an unpaid recurrence dropped (§8.2).
	 */
	PURCHASE_CANCELED,

	/** A purchase's money was given back (§8.2). */
	PURCHASE_REFUNDED,

	/** The buyer's bank took the money back (§8.2). */
	PURCHASE_CHARGEBACK,

	/** A billet was issued and waits to be paid (§8.2). */
	PURCHASE_BILLET_PRINTED,

	/** A billet was protested (§8.2). */
	PURCHASE_PROTEST,

	/** A PIX or billet was not paid in time (§8.2). */
	PURCHASE_EXPIRED,

	/** A subscription's recurrence went unpaid (§8.2). */
	PURCHASE_DELAYED,

	/** A subscription was cancelled (§8.3). */
	SUBSCRIPTION_CANCELLATION,

	/** A subscription switched plan, or a switch was scheduled (§8.4). */
	SWITCH_PLAN,

	/** A subscription's due day changed (§8.5). */
	UPDATE_SUBSCRIPTION_CHARGE_DATE,

	/** A checkout with the buyer's e-mail was left unpaid (§8.6). */
	PURCHASE_OUT_OF_SHOPPING_CART,

	/** A student entered a product's members area for the first time (§8.7). */
	CLUB_FIRST_ACCESS,

	/** A student completed a module (§8.7). */
	CLUB_MODULE_COMPLETED;

	/**
	 * @param status a purchase status a purchase moved to
	 * @return the purchase event it means, empty for statuses no webhook announces
	 * (started, processing, waiting for a PIX…)
	 */
	public static Optional<WebhookEvent> ofPurchaseStatus(PurchaseStatus status) {
		return Optional.ofNullable(switch (status) {
			case APPROVED -> PURCHASE_APPROVED;
			case COMPLETE -> PURCHASE_COMPLETE;
			case CANCELLED -> PURCHASE_CANCELED;
			case REFUNDED -> PURCHASE_REFUNDED;
			case CHARGEBACK -> PURCHASE_CHARGEBACK;
			case PRINTED_BILLET -> PURCHASE_BILLET_PRINTED;
			case OVERDUE -> PURCHASE_DELAYED;
			case PROTESTED -> PURCHASE_PROTEST;
			case EXPIRED -> PURCHASE_EXPIRED;
			default -> null;
		});
	}

	/**
	 * @return whether its payload is the purchase family (§8.2)
	 */
	public boolean purchaseFamily() {
		return name().startsWith("PURCHASE_") && this != PURCHASE_OUT_OF_SHOPPING_CART;
	}

}
