package io.atrium.subscriptions.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.atrium.checkout.PaymentMethod;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.subscriptions.RecurrenceStatus;
import io.atrium.subscriptions.SubscriptionChargeFilter;
import io.atrium.subscriptions.SubscriptionStatus;

import org.springframework.web.bind.annotation.BindParam;

/**
 * The query parameters of {@code GET /payments/api/v1/subscriptions/transactions}
 * (hotmart-api.md §3.3). Without {@code transaction} only the charges of the last 30 days
 * are listed: {@code transaction_date} defaults to now − 30 days, and
 * {@code end_transaction_date} alone covers the 30 days before it. Enum filters may be
 * repeated or comma-joined; {@code purchase_status} reads {@code UNDER_ANALYSIS} (the
 * endpoint's spelling) and {@code DELAYED} (an unpaid charge still retried, OVERDUE in
 * Atrium). Documented values Atrium never has ({@code billing_type} other than
 * SUBSCRIPTION, payment types other than card, PIX and billet) match nothing; values
 * outside the documented enums answer 400 {@code invalid_parameter}.
 */
record TransactionParameters(@BindParam("max_results") Integer maxResults, @BindParam("page_token") String pageToken,
		@BindParam("product_id") Long productId, String transaction,
		@BindParam("subscriber_name") String subscriberName, @BindParam("subscriber_email") String subscriberEmail,
		@BindParam("subscriber_code") String subscriberCode, @BindParam("billing_type") List<String> billingType,
		@BindParam("subscription_status") List<String> subscriptionStatus,
		@BindParam("recurrency_status") List<String> recurrencyStatus,
		@BindParam("purchase_status") List<String> purchaseStatus, @BindParam("transaction_date") Long transactionDate,
		@BindParam("end_transaction_date") Long endTransactionDate, @BindParam("offer_code") String offerCode,
		@BindParam("purchase_payment_type") String purchasePaymentType) {

	private static final Set<String> BILLING_TYPES = Set.of("SUBSCRIPTION", "SMART_INSTALLMENT", "SMART_RECOVERY");

	private static final Set<String> PAYMENT_TYPES = Set.of("BILLET", "CASH_PAYMENT", "CREDIT_CARD",
			"DIRECT_BANK_TRANSFER", "DIRECT_DEBIT", "FINANCED_BILLET", "FINANCED_INSTALLMENT", "GOOGLE_PAY", "HOTCARD",
			"HYBRID", "MANUAL_TRANSFER", "PAYPAL", "PAYPAL_INTERNACIONAL", "PICPAY", "PIX", "SAMSUNG_PAY", "WALLET",
			"HOTMART_BALANCE", "BALANCE_HOTMART");

	SubscriptionChargeFilter filter(long producerAccountId, Instant now) {
		boolean nothing = false;
		List<String> billing = values(this.billingType);
		for (String type : billing) {
			if (!BILLING_TYPES.contains(type)) {
				throw CompatibleParameters.unacceptable("billing_type", type);
			}
		}
		nothing |= !billing.isEmpty() && !billing.contains("SUBSCRIPTION");
		PaymentMethod method = null;
		if (CompatibleParameters.present(this.purchasePaymentType)) {
			String type = this.purchasePaymentType.strip().toUpperCase(Locale.ROOT);
			if (!PAYMENT_TYPES.contains(type)) {
				throw CompatibleParameters.unacceptable("purchase_payment_type", this.purchasePaymentType);
			}
			for (PaymentMethod m : PaymentMethod.values()) {
				if (m.paymentType().equals(type)) {
					method = m;
				}
			}
			nothing |= method == null;
		}
		Instant start = CompatibleParameters.instant("transaction_date", this.transactionDate);
		Instant end = CompatibleParameters.instant("end_transaction_date", this.endTransactionDate);
		if (start == null && end == null && !CompatibleParameters.present(this.transaction)) {
			start = CompatibleParameters.minus30(now);
		}
		Instant[] window = CompatibleParameters.window(start, end, CompatibleParameters::minus30);
		return new SubscriptionChargeFilter(producerAccountId, this.productId,
				CompatibleParameters.strip(this.transaction), CompatibleParameters.strip(this.subscriberName),
				CompatibleParameters.strip(this.subscriberEmail), CompatibleParameters.strip(this.subscriberCode),
				CompatibleParameters.enums("subscription_status", this.subscriptionStatus, SubscriptionStatus.class),
				CompatibleParameters.enums("recurrency_status", this.recurrencyStatus, RecurrenceStatus.class),
				purchaseStatuses(), window[0], window[1], CompatibleParameters.strip(this.offerCode), method, nothing);
	}

	int size() {
		return CompatibleParameters.size(this.maxResults);
	}

	private Set<PurchaseStatus> purchaseStatuses() {
		List<String> values = values(this.purchaseStatus);
		if (values.isEmpty()) {
			return null;
		}
		Set<PurchaseStatus> statuses = EnumSet.noneOf(PurchaseStatus.class);
		for (String value : values) {
			switch (value) {
				case "UNDER_ANALYSIS" -> statuses.add(PurchaseStatus.UNDER_ANALISYS);
				case "DELAYED" -> statuses.add(PurchaseStatus.OVERDUE);
				default -> {
					try {
						statuses.add(PurchaseStatus.valueOf(value));
					}
					catch (IllegalArgumentException ex) {
						throw CompatibleParameters.unacceptable("purchase_status", value);
					}
				}
			}
		}
		return statuses;
	}

	private static List<String> values(List<String> given) {
		List<String> values = new ArrayList<>();
		if (given != null) {
			for (String value : given) {
				for (String one : value.split(",")) {
					if (!one.isBlank()) {
						values.add(one.strip().toUpperCase(Locale.ROOT));
					}
				}
			}
		}
		return values;
	}

}
