package io.atrium.webhooks.web;

import java.util.List;

import io.atrium.webhooks.WebhookEvent;

/**
 * The events of the endpoint form, in groups a producer recognises.
 *
 * @param key the group's message key suffix
 * @param events its events
 */
record EventGroups(String key, List<WebhookEvent> events) {

	static final List<EventGroups> ALL = List.of(
			new EventGroups("purchases",
					List.of(WebhookEvent.PURCHASE_APPROVED, WebhookEvent.PURCHASE_COMPLETE,
							WebhookEvent.PURCHASE_CANCELED, WebhookEvent.PURCHASE_REFUNDED,
							WebhookEvent.PURCHASE_CHARGEBACK, WebhookEvent.PURCHASE_BILLET_PRINTED,
							WebhookEvent.PURCHASE_EXPIRED, WebhookEvent.PURCHASE_PROTEST)),
			new EventGroups("subscriptions",
					List.of(WebhookEvent.PURCHASE_DELAYED, WebhookEvent.SUBSCRIPTION_CANCELLATION,
							WebhookEvent.SWITCH_PLAN, WebhookEvent.UPDATE_SUBSCRIPTION_CHARGE_DATE)),
			new EventGroups("carts", List.of(WebhookEvent.PURCHASE_OUT_OF_SHOPPING_CART)),
			new EventGroups("club", List.of(WebhookEvent.CLUB_FIRST_ACCESS, WebhookEvent.CLUB_MODULE_COMPLETED)));

}
