package io.atrium.subscriptions.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.atrium.checkout.Purchase;
import io.atrium.shared.Money;
import io.atrium.subscriptions.BillingCalendar;
import io.atrium.subscriptions.RecurrenceStatus;
import io.atrium.subscriptions.Subscription;
import io.atrium.subscriptions.SubscriptionStatus;
import io.atrium.subscriptions.SubscriptionTransactions.Transaction;

/**
 * The items of the subscriptions list (hotmart-api.md §3.1) and summary (§3.2). Dates are
 * epoch milliseconds; absent values are left out.
 */
final class SubscriptionItems {

	private SubscriptionItems() {
	}

	/** {@code {"value":49.9,"currency_code":"BRL"}}: major units. */
	record Price(BigDecimal value, @JsonProperty("currency_code") String currencyCode) {

		static Price of(Money money) {
			return new Price(money.decimal(), money.currency().getCurrencyCode());
		}

	}

	/** §3.1 {@code plan}: {@code max_charge_cycles} only for a limited plan. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record PlanRef(String name, long id, @JsonProperty("recurrency_period") int recurrencyPeriod,
			@JsonProperty("max_charge_cycles") Integer maxChargeCycles) {

	}

	/** §3.1 {@code product}. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ProductRef(long id, String name, String ucode) {

	}

	/** §3.1 {@code subscriber}. */
	record Subscriber(String name, String email, String ucode) {

	}

	/** A §3.1 item. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ListItem(@JsonProperty("subscriber_code") String subscriberCode,
			@JsonProperty("subscription_id") long subscriptionId, String status,
			@JsonProperty("accession_date") long accessionDate,
			@JsonProperty("end_accession_date") Long endAccessionDate, @JsonProperty("request_date") long requestDate,
			@JsonProperty("date_next_charge") Long dateNextCharge, boolean trial, String transaction, PlanRef plan,
			ProductRef product, Price price, Subscriber subscriber) {

		static ListItem of(Subscription s, SubscriptionFacts.Lookup facts) {
			Purchase first = facts.firstPurchase(s);
			Instant requested = (first != null) ? first.terms().createdAt() : s.startedAt();
			return new ListItem(s.code(), s.id(), s.status().name(), s.startedAt().toEpochMilli(), millis(endedAt(s)),
					requested.toEpochMilli(), millis(s.dateNextCharge()), s.inTrial(), s.firstTransaction(),
					new PlanRef(s.plan().name(), s.plan().offerId(), s.plan().period().intervalDays(),
							s.plan().maxCharges()),
					new ProductRef(s.productId(), s.productName(), facts.productUcode(s.productId())),
					Price.of(s.plan().price()), new Subscriber(s.subscriber().name(), s.subscriber().email(),
							SubscriptionFacts.ucode(s.subscriber().accountId())));
		}

	}

	/** §3.2 {@code plan}. */
	record SummaryPlan(String name, @JsonProperty("recurrency_period") int recurrencyPeriod) {

	}

	/** §3.2 {@code product}. */
	record SummaryProduct(String name, long id) {

	}

	/** §3.2 {@code offer}. */
	record Offer(String code) {

	}

	/** §3.2 {@code last_recurrency}. */
	record LastRecurrency(int number, @JsonProperty("request_date") long requestDate, String status,
			@JsonProperty("transaction_number") long transactionNumber,
			@JsonProperty("billing_type") String billingType) {

	}

	/** §3.2 {@code unpaid_recurrencies} entry. */
	record UnpaidRecurrency(int number, @JsonProperty("charge_date") long chargeDate) {

	}

	/** §3.2 {@code subscriber}: the numeric id is the subscriber's account. */
	record SummarySubscriber(String name, long id, String email) {

	}

	/** A §3.2 item. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record SummaryItem(@JsonProperty("subscriber_code") String subscriberCode,
			@JsonProperty("subscription_id") long subscriptionId, String status, int lifetime,
			@JsonProperty("accession_date") long accessionDate,
			@JsonProperty("end_accession_date") Long endAccessionDate, boolean trial, SummaryPlan plan,
			SummaryProduct product, Offer offer, @JsonProperty("last_recurrency") LastRecurrency lastRecurrency,
			@JsonProperty("unpaid_recurrencies") List<UnpaidRecurrency> unpaidRecurrencies,
			SummarySubscriber subscriber, @JsonProperty("date_next_charge") Long dateNextCharge) {

		static SummaryItem of(Subscription s, List<Transaction> charges, Instant now) {
			List<UnpaidRecurrency> unpaid = new ArrayList<>();
			List<LocalDate> dates = s.status().billable() ? s.unpaidDueDates() : List.of();
			for (int i = 0; i < dates.size(); i++) {
				unpaid.add(new UnpaidRecurrency(s.currentRecurrence() + 1 + i,
						BillingCalendar.at(dates.get(i), s.zone()).toEpochMilli()));
			}
			return new SummaryItem(s.code(), s.id(), s.status().name(), SubscriptionItems.lifetime(s, now),
					s.startedAt().toEpochMilli(), millis(endedAt(s)), s.inTrial(),
					new SummaryPlan(s.plan().name(), s.plan().period().intervalDays()),
					new SummaryProduct(s.productName(), s.productId()), new Offer(s.plan().offerCode()),
					lastRecurrency(s, charges), unpaid.isEmpty() ? null : unpaid,
					new SummarySubscriber(s.subscriber().name(), s.subscriber().accountId(), s.subscriber().email()),
					millis(s.dateNextCharge()));
		}

		/**
		 * The charge of the highest recurrence; when a recurrence has several (a declined
		 * charge later paid by a negotiation), the paid one, else the newest.
		 */
		private static LastRecurrency lastRecurrency(Subscription s, List<Transaction> charges) {
			Comparator<Transaction> order = Comparator
				.comparingInt((Transaction t) -> t.recurrences().get(t.recurrences().size() - 1))
				.thenComparing((t) -> t.recurrenceStatus() != RecurrenceStatus.NOT_PAID)
				.thenComparingLong((t) -> t.purchase().id());
			return charges.stream()
				.filter((t) -> !t.recurrences().isEmpty())
				.max(order)
				.map((t) -> new LastRecurrency(t.recurrences().get(t.recurrences().size() - 1),
						t.purchase().terms().createdAt().toEpochMilli(), t.recurrenceStatus().name(),
						transactionNumber(t.purchase()), "SUBSCRIPTION"))
				.orElse(null);
		}

	}

	/**
	 * {@code lifetime} in days (§3.2): up to today while ACTIVE or DELAYED, up to the
	 * cancellation when cancelled, up to the unpaid due date when OVERDUE, 0 when
	 * INACTIVE or STARTED. Calendar days in the subscription's time zone.
	 */
	static int lifetime(Subscription s, Instant now) {
		Instant end = switch (s.status()) {
			case ACTIVE, DELAYED -> now;
			case OVERDUE -> (s.overdueSince() != null) ? s.overdueSince() : now;
			case CANCELLED_BY_CUSTOMER, CANCELLED_BY_SELLER, CANCELLED_BY_ADMIN ->
				(s.cancelledAt() != null) ? s.cancelledAt() : now;
			case INACTIVE, STARTED -> null;
		};
		if (end == null) {
			return 0;
		}
		long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(s.startedAt(), s.zone()),
				LocalDate.ofInstant(end, s.zone()));
		return (int) Math.max(0, days);
	}

	/**
	 * @return when the subscription ended: its cancellation, or the end of a limited
	 * plan's last period; null while it runs
	 */
	static Instant endedAt(Subscription s) {
		if (s.status().cancelled()) {
			return s.cancelledAt();
		}
		return (s.status() == SubscriptionStatus.INACTIVE) ? s.accessUntil() : null;
	}

	/**
	 * @return the digits of a transaction code ({@code HP12345678901234} gives
	 * 12345678901234), or the purchase id for a code without them
	 */
	static long transactionNumber(Purchase p) {
		String digits = p.transaction().replaceAll("\\D", "");
		return (!digits.isEmpty() && digits.length() <= 18) ? Long.parseLong(digits) : p.id();
	}

	static Long millis(Instant instant) {
		return (instant != null) ? instant.toEpochMilli() : null;
	}

}
