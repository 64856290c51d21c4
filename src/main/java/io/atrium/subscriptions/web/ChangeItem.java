package io.atrium.subscriptions.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.atrium.catalog.BillingPeriod;
import io.atrium.checkout.Purchase;
import io.atrium.subscriptions.BillingCalendar;
import io.atrium.subscriptions.Subscription;
import io.atrium.subscriptions.SubscriptionStatus;

/**
 * The subscription object of the cancel and reactivate answers (hotmart-api.md §3.5,
 * §3.7), also each entry of the bulk answers' {@code success_subscriptions} and
 * {@code fail_subscriptions} (a failure adds {@code error} and {@code message}). Dates
 * are strings {@code yyyy-MM-dd HH:mm:ss} in the producer's time zone. {@code status} is
 * ACTIVE (active or delayed) or INACTIVE; {@code max_charge_cycles} 0 means unlimited;
 * the interval is {@code MONTH} and the months between charges, or {@code WEEK} and 1 for
 * weekly plans, whose {@code due_day} is 1 (Monday) to 7 (Sunday).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ChangeItem(String status, @JsonProperty("subscriber_code") String subscriberCode,
		@JsonProperty("creation_date") String creationDate,
		@JsonProperty("current_recurrence") Integer currentRecurrence,
		@JsonProperty("date_last_recurrence") String dateLastRecurrence,
		@JsonProperty("date_next_charge") String dateNextCharge, @JsonProperty("due_day") Integer dueDay,
		@JsonProperty("trial_period") Integer trialPeriod,
		@JsonProperty("interval_type_between_charges") String intervalTypeBetweenCharges,
		@JsonProperty("interval_between_charges") Integer intervalBetweenCharges,
		@JsonProperty("max_charge_cycles") Integer maxChargeCycles,
		@JsonProperty("activation_date") String activationDate, Shopper shopper, String error, String message) {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/**
	 * @param s the subscription after the change
	 * @param first its first purchase, or null when not at hand
	 * @param zone the producer's time zone
	 */
	static ChangeItem of(Subscription s, Purchase first, ZoneId zone) {
		Instant created = (first != null) ? first.terms().createdAt() : s.startedAt();
		Instant lastCharge = (s.lastChargedAt() != null) ? s.lastChargedAt() : s.startedAt();
		boolean weekly = s.plan().period() == BillingPeriod.WEEKLY;
		return new ChangeItem(
				(s.status() == SubscriptionStatus.ACTIVE || s.status() == SubscriptionStatus.DELAYED) ? "ACTIVE"
						: "INACTIVE",
				s.code(), text(created, zone), s.currentRecurrence(), text(lastCharge, zone),
				text(s.nextChargeAt(), zone), s.dueDay(), s.plan().trialDays(), intervalType(s),
				weekly ? 1 : BillingCalendar.months(s.plan().period()),
				(s.plan().maxCharges() != null) ? s.plan().maxCharges() : 0, text(s.startedAt(), zone),
				new Shopper(s.subscriber().email(), null), null, null);
	}

	/**
	 * @return a failure for a subscription the caller may see
	 */
	static ChangeItem failure(Subscription s, Purchase first, ZoneId zone, String error, String message) {
		ChangeItem item = of(s, first, zone);
		return new ChangeItem(item.status, item.subscriberCode, item.creationDate, item.currentRecurrence,
				item.dateLastRecurrence, item.dateNextCharge, item.dueDay, item.trialPeriod,
				item.intervalTypeBetweenCharges, item.intervalBetweenCharges, item.maxChargeCycles, item.activationDate,
				item.shopper, error, message);
	}

	/**
	 * @return a failure for a code that names no subscription of the caller's
	 */
	static ChangeItem unknown(String code, String error, String message) {
		return new ChangeItem(null, code, null, null, null, null, null, null, null, null, null, null, null, error,
				message);
	}

	/**
	 * @return {@code MONTH}, or {@code WEEK} for weekly plans
	 */
	static String intervalType(Subscription s) {
		return (s.plan().period() == BillingPeriod.WEEKLY) ? "WEEK" : "MONTH";
	}

	private static String text(Instant instant, ZoneId zone) {
		return (instant != null) ? FORMAT.format(instant.atZone(zone)) : null;
	}

	/** {@code shopper}: the subscriber's e-mail; Atrium records no phone. */
	record Shopper(String email, String phone) {

	}

}
