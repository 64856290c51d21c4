package io.atrium.webhooks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.atrium.webhooks.payload.CartData;
import io.atrium.webhooks.payload.ClubData;
import io.atrium.webhooks.payload.Envelope;
import io.atrium.webhooks.payload.Price;
import io.atrium.webhooks.payload.PurchaseData;
import io.atrium.webhooks.payload.SubscriptionData;

/**
 * The made-up bodies of test events: the real shape of each event family, with sample
 * values (product 0, transaction {@value #TRANSACTION}) that no real event carries.
 */
final class TestPayloads {

	/** The transaction code of every test purchase. */
	static final String TRANSACTION = "HP00000000000000";

	private static final SubscriptionData.ProductIdName PRODUCT = new SubscriptionData.ProductIdName(0, "Test product");

	private TestPayloads() {
	}

	static Envelope envelope(String id, Instant now, WebhookEvent event) {
		return new Envelope(id, now.toEpochMilli(), event.name(), Envelope.VERSION, data(now, event));
	}

	private static Object data(Instant now, WebhookEvent event) {
		long next = now.plus(30, ChronoUnit.DAYS).toEpochMilli();
		return switch (event) {
			case SUBSCRIPTION_CANCELLATION -> new SubscriptionData.Cancellation(next,
					new SubscriptionData.ProductRef(PRODUCT.name(), 0), new BigDecimal("49.9"),
					new SubscriptionData.CancelledSubscriber("TEST0000", "Test Buyer", "buyer@example.com",
							SubscriptionData.Phone.NONE),
					new SubscriptionData.CancelledSubscription(0, new SubscriptionData.PlanRef("Test plan", 0)),
					now.toEpochMilli());
			case SWITCH_PLAN -> new SubscriptionData.SwitchPlan(now.toEpochMilli(),
					new SubscriptionData.SwitchedSubscription("TEST0000", "ACTIVE", next, PRODUCT,
							new SubscriptionData.User("buyer@example.com")),
					List.of(new SubscriptionData.SwitchedPlan(0, "Test plan", new SubscriptionData.OfferKey("test0000"),
							true)));
			case UPDATE_SUBSCRIPTION_CHARGE_DATE -> new SubscriptionData.ChargeDate(
					new SubscriptionData.ChargeDateSubscriber("Test Buyer", "buyer@example.com", "TEST0000"),
					new SubscriptionData.ChargeDateSubscription(new SubscriptionData.ProductRef(PRODUCT.name(), 0), 5,
							10, Instant.ofEpochMilli(next).toString(), "ACTIVE"),
					new SubscriptionData.ChargeDatePlan(new SubscriptionData.OfferCode("test0000"), "Test plan", 0));
			case PURCHASE_OUT_OF_SHOPPING_CART ->
				new CartData(false, PRODUCT, new CartData.CartBuyer("Test Buyer", "buyer@example.com", ""),
						new SubscriptionData.OfferCode("test0000"), new PurchaseData.Country("Brasil", "BR"));
			case CLUB_FIRST_ACCESS ->
				new ClubData(PRODUCT, new ClubData.Student("Test Buyer", "buyer@example.com"), null);
			case CLUB_MODULE_COMPLETED -> new ClubData(PRODUCT, new ClubData.Student("Test Buyer", "buyer@example.com"),
					new ClubData.Module("test000000", "Test"));
			default -> purchase(now, event);
		};
	}

	private static PurchaseData purchase(Instant now, WebhookEvent event) {
		Price price = new Price(new BigDecimal("49.9"), "BRL");
		String status = switch (event) {
			case PURCHASE_COMPLETE -> "COMPLETE";
			case PURCHASE_CANCELED -> "CANCELLED";
			case PURCHASE_REFUNDED -> "REFUNDED";
			case PURCHASE_CHARGEBACK -> "CHARGEBACK";
			case PURCHASE_BILLET_PRINTED -> "PRINTED_BILLET";
			case PURCHASE_PROTEST -> "PROTESTED";
			case PURCHASE_EXPIRED -> "EXPIRED";
			case PURCHASE_DELAYED -> "OVERDUE";
			default -> "APPROVED";
		};
		PurchaseData.Country brazil = new PurchaseData.Country("Brasil", "BR");
		return new PurchaseData(
				new PurchaseData.Product(0, "00000000-0000-0000-0000-000000000000", PRODUCT.name(), false,
						now.plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString(), "support@example.com",
						false,
						new PurchaseData.Content(false,
								List.of(new PurchaseData.ContentProduct(0, "00000000-0000-0000-0000-000000000000",
										PRODUCT.name(), false)))),
				List.of(PurchaseData.Affiliate.NONE),
				new PurchaseData.Buyer("buyer@example.com", "Test Buyer", "Test", "Buyer", "", "", "", "",
						new PurchaseData.Address("", brazil.name(), "", "", "", "", "", "", brazil.iso())),
				new PurchaseData.Producer("Test Producer", "", ""),
				List.of(new PurchaseData.Commission(BigDecimal.ZERO, "BRL", "MARKETPLACE"),
						new PurchaseData.Commission(price.value(), "BRL", "PRODUCER")),
				new PurchaseData.Purchase(now.toEpochMilli(), price, price, price,
						new PurchaseData.Offer("test0000", "", "Test offer", ""), 1, false, brazil,
						PurchaseData.Origin.NONE, new PurchaseData.OrderBump(false), now.toEpochMilli(), null, status,
						TRANSACTION, new PurchaseData.Payment(null, null, 1, null, null, null, null, "CREDIT_CARD"),
						"HOTMART", false, "I", ""),
				null);
	}

}
