package io.atrium.subscriptions.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.atrium.checkout.PaymentMethod;
import io.atrium.checkout.Purchase;
import io.atrium.shared.Money;
import io.atrium.subscriptions.RecurrenceStatus;
import io.atrium.subscriptions.Subscription;
import io.atrium.subscriptions.SubscriptionStatus;
import io.atrium.subscriptions.SubscriptionTransactions.Transaction;

/**
 * A §3.3 item: one charge of a subscription with the subscription as it is now. Dates are
 * epoch milliseconds; absent values are left out. Atrium takes no fee and converts no
 * currency: the producer's value is the whole price and the conversion rate is 1.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TransactionItem(@JsonProperty("subscription_id") long subscriptionId,
		@JsonProperty("subscriber_code") String subscriberCode, String status,
		@JsonProperty("billing_type") String billingType, @JsonProperty("last_update") long lastUpdate,
		@JsonProperty("adoption_date") long adoptionDate, @JsonProperty("date_next_charge") Long dateNextCharge,
		@JsonProperty("last_recurrency_start_date") Long lastRecurrencyStartDate,
		@JsonProperty("cancellation_date") Long cancellationDate, @JsonProperty("max_cycles") int maxCycles,
		@JsonProperty("last_recurrency_number") int lastRecurrencyNumber,
		@JsonProperty("has_unpaid_recurrency") boolean hasUnpaidRecurrency,
		@JsonProperty("has_credit_card_change") boolean hasCreditCardChange,
		@JsonProperty("is_paid_anticipation") boolean isPaidAnticipation,
		@JsonProperty("is_paid_negotiation") boolean isPaidNegotiation, Product product, Producer producer,
		@JsonProperty("trial_info") TrialInfo trialInfo, Plan plan, Subscriber subscriber, Recurrency recurrency,
		PurchaseInfo purchase) {

	static TransactionItem of(Transaction t, SubscriptionFacts.Lookup facts, Instant now) {
		Subscription s = t.subscription();
		Purchase p = t.purchase();
		Instant updated = (p.approvedAt() != null) ? p.approvedAt() : p.terms().createdAt();
		return new TransactionItem(s.id(), s.code(), s.status().name(), "SUBSCRIPTION", updated.toEpochMilli(),
				s.startedAt().toEpochMilli(), SubscriptionItems.millis(s.dateNextCharge()),
				SubscriptionItems.millis(s.periodStart()), SubscriptionItems.millis(s.cancelledAt()),
				(s.plan().maxCharges() != null) ? s.plan().maxCharges() : 0, s.currentRecurrence(), s.unpaidCount() > 0,
				false, false, t.negotiation() && p.status().paid(), new Product(s.productId(), s.productName()),
				new Producer(facts.producerName()),
				new TrialInfo(s.plan().trialDays() > 0, s.plan().trialDays(),
						SubscriptionItems.millis(s.trialEndsAt())),
				new Plan(s.plan().name(), s.plan().period().intervalDays(), ChangeItem.intervalType(s),
						p.terms().couponCode(), new Offer(s.plan().offerCode(), s.plan().name(), s.plan().offerCode())),
				new Subscriber(s.subscriber().accountId(), s.subscriber().name(), s.subscriber().email(), null, null),
				Recurrency.of(t, now), PurchaseInfo.of(p));
	}

	/** {@code product}. */
	record Product(long id, String name) {

	}

	/** {@code producer}. */
	record Producer(String name) {

	}

	/** {@code trial_info}: whether the plan has a free trial, its days and its end. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record TrialInfo(boolean trial, @JsonProperty("trial_period") int trialPeriod,
			@JsonProperty("trial_end") Long trialEnd) {

	}

	/** {@code plan}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Plan(String name, @JsonProperty("recurrency_period") int recurrencyPeriod,
			@JsonProperty("recurrency_type") String recurrencyType, @JsonProperty("coupon_code") String couponCode,
			Offer offer) {

	}

	/** {@code plan.offer}: the offer's code is also its key. */
	record Offer(String code, String description, String key) {

	}

	/** {@code subscriber}: Atrium records no phone. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Subscriber(long id, String name, String email, @JsonProperty("phone_ddd") String phoneDdd, String phone) {

	}

	/**
	 * {@code recurrency}. {@code payment_delays_days}: days from the charge's start (its
	 * due date) to its payment, or to now while it is unpaid and still collectable.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Recurrency(String status, Integer number, @JsonProperty("start_datetime") long startDatetime,
			@JsonProperty("payment_delays_days") long paymentDelaysDays,
			@JsonProperty("transaction_type") String transactionType, @JsonProperty("number_list") String numberList,
			@JsonProperty("transaction_sequence") int transactionSequence,
			@JsonProperty("is_current_purchase") boolean isCurrentPurchase, @JsonProperty("has_retry") boolean hasRetry,
			@JsonProperty("scheduled_retry") Long scheduledRetry) {

		static Recurrency of(Transaction t, Instant now) {
			Purchase p = t.purchase();
			Subscription s = t.subscription();
			RecurrenceStatus status = t.recurrenceStatus();
			Instant start = p.terms().createdAt();
			Instant paidOrNow = (p.approvedAt() != null) ? p.approvedAt()
					: (p.status() == io.atrium.checkout.PurchaseStatus.OVERDUE || p.status().pending()) ? now : start;
			long delay = Math.max(0, ChronoUnit.DAYS.between(start, paidOrNow));
			Integer number = t.recurrences().isEmpty() ? null : t.recurrences().get(0);
			boolean unpaidNow = number != null && status == RecurrenceStatus.NOT_PAID
					&& number == s.currentRecurrence() + 1 && s.status() == SubscriptionStatus.DELAYED;
			boolean retry = unpaidNow && !s.cardNeedsUpdate() && s.nextAttemptAt() != null;
			return new Recurrency(status.name(), number, start.toEpochMilli(), delay,
					t.negotiation() ? "NEGOTIATION" : "AUTOMATIC",
					t.recurrences().stream().map(String::valueOf).collect(Collectors.joining(", ")), 1,
					number != null && t.recurrences().contains(s.currentRecurrence())
							&& status != RecurrenceStatus.NOT_PAID,
					retry, retry ? s.nextAttemptAt().toEpochMilli() : null);
		}

	}

	/** {@code purchase}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record PurchaseInfo(String transaction, @JsonProperty("order_date") long orderDate,
			@JsonProperty("approved_date") Long approvedDate, String status, Payment payment, Installment installment,
			Price price, Commission commission) {

		static PurchaseInfo of(Purchase p) {
			Money price = p.terms().price();
			BigDecimal paid = p.status().paid() ? price.decimal() : price.withAmount(0).decimal();
			String currency = price.currency().getCurrencyCode();
			return new PurchaseInfo(p.transaction(), p.terms().createdAt().toEpochMilli(),
					SubscriptionItems.millis(p.approvedAt()), p.status().name(), Payment.of(p),
					new Installment("SINGLE", 1), new Price(currency, price.decimal(), price.decimal()),
					new Commission(BigDecimal.ONE, currency, price.decimal(), paid, price.decimal(), paid));
		}

	}

	/** {@code purchase.payment}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Payment(@JsonProperty("payment_type") String paymentType,
			@JsonProperty("credit_card_flag") String creditCardFlag,
			@JsonProperty("refusal_message") String refusalMessage,
			@JsonProperty("pix_expiration_date") Long pixExpirationDate,
			@JsonProperty("billet_expiration_date") Long billetExpirationDate,
			@JsonProperty("billet_reprint_code") String billetReprintCode) {

		static Payment of(Purchase p) {
			PaymentMethod method = p.terms().method();
			Long expires = SubscriptionItems.millis(p.payment().expiresAt());
			return new Payment(method.paymentType(),
					(p.payment().cardBrand() != null) ? p.payment().cardBrand().toLowerCase(Locale.ROOT) : null,
					(p.payment().declineReason() != null) ? p.payment().declineReason().name() : null,
					(method == PaymentMethod.PIX) ? expires : null, (method == PaymentMethod.BILLET) ? expires : null,
					p.payment().billetBarcode());
		}

	}

	/** {@code purchase.installment}: always one payment. */
	record Installment(@JsonProperty("installment_type") String installmentType,
			@JsonProperty("installment_number") int installmentNumber) {

	}

	/** {@code purchase.price}. */
	record Price(String currency, BigDecimal value, @JsonProperty("total_value") BigDecimal totalValue) {

	}

	/** {@code purchase.commission}: the producer gets the whole price. */
	record Commission(@JsonProperty("conversion_rate") BigDecimal conversionRate, String currency,
			@JsonProperty("original_value") BigDecimal originalValue,
			@JsonProperty("original_paid_value") BigDecimal originalPaidValue,
			@JsonProperty("producer_value") BigDecimal producerValue,
			@JsonProperty("producer_paid_value") BigDecimal producerPaidValue) {

	}

}
