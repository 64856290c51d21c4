package io.atrium.subscriptions.web;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.subscriptions.SubscriptionTransactions.Transaction;

/**
 * A §3.4 element: one purchase (charge) of a subscriber, oldest first.
 * {@code approved_date} is absent before approval; {@code payment_engine} is
 * {@value #ENGINE}; {@code recurrency_number} is the recurrence it pays (the first of a
 * negotiation's; absent for a plan upgrade's difference); {@code under_warranty} is true
 * while an approved charge can still be refunded.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PurchaseItem(String transaction, @JsonProperty("approved_date") Long approvedDate,
		@JsonProperty("payment_engine") String paymentEngine, String status, SubscriptionItems.Price price,
		@JsonProperty("payment_type") String paymentType, @JsonProperty("payment_method") String paymentMethod,
		@JsonProperty("recurrency_number") Integer recurrencyNumber,
		@JsonProperty("under_warranty") boolean underWarranty,
		@JsonProperty("purchase_subscription") boolean purchaseSubscription) {

	static final String ENGINE = "Atrium";

	static PurchaseItem of(Transaction t, Instant now) {
		Purchase p = t.purchase();
		return new PurchaseItem(p.transaction(), SubscriptionItems.millis(p.approvedAt()), ENGINE, p.status().name(),
				SubscriptionItems.Price.of(p.terms().price()), p.terms().method().paymentType(), method(p),
				t.recurrences().isEmpty() ? null : t.recurrences().get(0),
				p.status() == PurchaseStatus.APPROVED && p.withinRefundWindow(now), true);
	}

	/**
	 * @return the compatible {@code payment_method}: the card brand, PIX or BILLET
	 */
	static String method(Purchase p) {
		return switch (p.terms().method()) {
			case PIX -> "PIX";
			case BILLET -> "BILLET";
			case CARD -> switch ((p.payment().cardBrand() != null) ? p.payment().cardBrand() : "") {
				case "VISA" -> "CREDIT_CARD_VISA";
				case "MASTERCARD" -> "CREDIT_CARD_MASTERCARD";
				case "AMERICAN_EXPRESS" -> "CREDIT_CARD_AMERICAN_EXPRESS";
				case "ELO" -> "CREDIT_CARD_ELO";
				default -> "UNKNOWN_CREDIT_CARD";
			};
		};
	}

}
