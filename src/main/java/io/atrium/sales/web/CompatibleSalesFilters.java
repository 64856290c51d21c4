package io.atrium.sales.web;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.atrium.api.ApiException;
import io.atrium.checkout.PaymentMethod;
import io.atrium.checkout.PurchaseStatus;
import io.atrium.checkout.SalesFilter;
import io.atrium.platform.InputLimits;

/**
 * The query parameters of the compatible sales API (hotmart-api.md §4) as a
 * {@link SalesFilter}. Without {@code transaction} or {@code transaction_status} only
 * APPROVED and COMPLETE sales match. Filters naming things Atrium does not have (a sales
 * source, an affiliate, a documented payment type Atrium does not take) match nothing;
 * values outside the documented enums answer 400 {@code invalid_parameter}.
 * {@code end_date} is inclusive to the millisecond.
 */
record CompatibleSalesFilters(Long productId, Long startDate, Long endDate, String salesSource, String transaction,
		String buyerName, String buyerEmail, List<String> transactionStatus, String paymentType, String offerCode,
		String commissionAs, String affiliateName) {

	static final Set<PurchaseStatus> DEFAULT_STATUSES = EnumSet.of(PurchaseStatus.APPROVED, PurchaseStatus.COMPLETE);

	private static final Set<String> PAYMENT_TYPES = Set.of("BILLET", "CASH_PAYMENT", "CREDIT_CARD",
			"DIRECT_BANK_TRANSFER", "DIRECT_DEBIT", "FINANCED_BILLET", "FINANCED_INSTALLMENT", "GOOGLE_PAY", "HOTCARD",
			"HYBRID", "MANUAL_TRANSFER", "PAYPAL", "PAYPAL_INTERNACIONAL", "PICPAY", "PIX", "SAMSUNG_PAY", "WALLET",
			"HOTMART_BALANCE", "BALANCE_HOTMART");

	private static final Set<String> ROLES = Set.of("PRODUCER", "COPRODUCER", "AFFILIATE");

	SalesFilter toFilter(long producerAccountId) {
		Set<PurchaseStatus> statuses = statuses();
		if (statuses == null && blank(this.transaction)) {
			statuses = DEFAULT_STATUSES;
		}
		PaymentMethod method = null;
		boolean nothing = false;
		if (!blank(this.paymentType)) {
			String type = this.paymentType.strip().toUpperCase(Locale.ROOT);
			if (!PAYMENT_TYPES.contains(type)) {
				throw unacceptable("payment_type", this.paymentType);
			}
			method = Arrays.stream(PaymentMethod.values())
				.filter((m) -> m.paymentType().equals(type))
				.findFirst()
				.orElse(null);
			nothing = method == null;
		}
		if (!blank(this.commissionAs)) {
			String role = this.commissionAs.strip().toUpperCase(Locale.ROOT);
			if (!ROLES.contains(role)) {
				throw unacceptable("commission_as", this.commissionAs);
			}
			nothing |= !role.equals("PRODUCER");
		}
		nothing |= !blank(this.salesSource) || !blank(this.affiliateName);
		if (nothing) {
			statuses = Set.of();
		}
		return new SalesFilter(producerAccountId, (this.startDate != null) ? date("start_date", this.startDate) : null,
				(this.endDate != null) ? date("end_date", this.endDate).plusMillis(1) : null, this.productId, statuses,
				this.buyerName, this.buyerEmail, null, this.transaction, this.offerCode, method);
	}

	private Set<PurchaseStatus> statuses() {
		if (this.transactionStatus == null) {
			return null;
		}
		Set<PurchaseStatus> statuses = new HashSet<>();
		for (String value : this.transactionStatus) {
			for (String one : value.split(",")) {
				if (one.isBlank()) {
					continue;
				}
				try {
					statuses.add(PurchaseStatus.valueOf(one.strip().toUpperCase(Locale.ROOT)));
				}
				catch (IllegalArgumentException ex) {
					throw unacceptable("transaction_status", one);
				}
			}
		}
		return statuses.isEmpty() ? null : statuses;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static Instant date(String parameter, long millis) {
		return InputLimits.epochMillis(millis)
			.orElseThrow(() -> ApiException.invalidParameter("The request was unacceptable: " + parameter + "=" + millis
					+ " is not a date in epoch milliseconds. " + InputLimits.DATE_RANGE_TEXT));
	}

	private static ApiException unacceptable(String parameter, String value) {
		return ApiException
			.invalidParameter("The request was unacceptable, often due to an invalid or missing parameter: " + parameter
					+ " " + value.strip());
	}

}
