package io.atrium.webhooks;

import io.atrium.checkout.PurchaseStatus;
import io.atrium.subscriptions.SubscriptionStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which purchase statuses are announced as which event, and the webhook spelling of
 * subscription statuses.
 */
class WebhookEventTests {

	@Test
	void purchaseStatusesMapToTheEventsOfTheContract() {
		assertThat(WebhookEvent.ofPurchaseStatus(PurchaseStatus.APPROVED)).contains(WebhookEvent.PURCHASE_APPROVED);
		assertThat(WebhookEvent.ofPurchaseStatus(PurchaseStatus.COMPLETE)).contains(WebhookEvent.PURCHASE_COMPLETE);
		assertThat(WebhookEvent.ofPurchaseStatus(PurchaseStatus.CANCELLED)).contains(WebhookEvent.PURCHASE_CANCELED);
		assertThat(WebhookEvent.ofPurchaseStatus(PurchaseStatus.REFUNDED)).contains(WebhookEvent.PURCHASE_REFUNDED);
		assertThat(WebhookEvent.ofPurchaseStatus(PurchaseStatus.CHARGEBACK)).contains(WebhookEvent.PURCHASE_CHARGEBACK);
		assertThat(WebhookEvent.ofPurchaseStatus(PurchaseStatus.PRINTED_BILLET))
			.contains(WebhookEvent.PURCHASE_BILLET_PRINTED);
		assertThat(WebhookEvent.ofPurchaseStatus(PurchaseStatus.OVERDUE)).contains(WebhookEvent.PURCHASE_DELAYED);
		assertThat(WebhookEvent.ofPurchaseStatus(PurchaseStatus.PROTESTED)).contains(WebhookEvent.PURCHASE_PROTEST);
		assertThat(WebhookEvent.ofPurchaseStatus(PurchaseStatus.EXPIRED)).contains(WebhookEvent.PURCHASE_EXPIRED);
		assertThat(WebhookEvent.ofPurchaseStatus(PurchaseStatus.STARTED)).isEmpty();
		assertThat(WebhookEvent.ofPurchaseStatus(PurchaseStatus.WAITING_PAYMENT)).isEmpty();
		assertThat(WebhookEvent.PURCHASE_DELAYED.purchaseFamily()).isTrue();
		assertThat(WebhookEvent.PURCHASE_OUT_OF_SHOPPING_CART.purchaseFamily()).isFalse();
	}

	@Test
	void subscriptionStatusesUseTheWebhookSpelling() {
		assertThat(SubscriptionPayloads.webhookStatus(SubscriptionStatus.CANCELLED_BY_SELLER))
			.isEqualTo("CANCELED_BY_VENDOR");
		assertThat(SubscriptionPayloads.webhookStatus(SubscriptionStatus.CANCELLED_BY_CUSTOMER))
			.isEqualTo("CANCELED_BY_CUSTOMER");
		assertThat(SubscriptionPayloads.webhookStatus(SubscriptionStatus.CANCELLED_BY_ADMIN))
			.isEqualTo("CANCELED_BY_ADMIN");
		assertThat(SubscriptionPayloads.webhookStatus(SubscriptionStatus.ACTIVE)).isEqualTo("ACTIVE");
		assertThat(SubscriptionPayloads.webhookStatus(SubscriptionStatus.DELAYED)).isEqualTo("OVERDUE");
	}

}
