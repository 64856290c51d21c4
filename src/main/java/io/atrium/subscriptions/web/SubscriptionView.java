package io.atrium.subscriptions.web;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.atrium.checkout.MoneyText;
import io.atrium.checkout.Purchase;
import io.atrium.platform.Dates;
import io.atrium.subscriptions.BillingCalendar;
import io.atrium.subscriptions.DunningSchedule;
import io.atrium.subscriptions.Subscription;
import io.atrium.subscriptions.SubscriptionChange;
import io.atrium.subscriptions.SubscriptionStatus;

/**
 * One subscription as its pages show it (to its producer, its subscriber or an admin):
 * every text ready, every date in the subscription's time zone with the zone named, and
 * which actions its status allows.
 *
 * @param code the subscriber code
 * @param product the product's name
 * @param plan the plan's name
 * @param price the price and period, e.g. "R$ 49.90 every month"
 * @param status the status name (for the label key and a CSS hook)
 * @param explanation where it stands, in plain words
 * @param subscriberName the subscriber's name
 * @param subscriberEmail their e-mail
 * @param started when it started
 * @param trialEnds when the free trial ends, or empty
 * @param nextChargeKey the label of {@code nextCharge}: next charge, the first unpaid
 * charge's due date, or last access
 * @param nextCharge the next charge's day, or the end of access; empty when none
 * @param dueDay the due day
 * @param pendingDueDay the due day asked for, or null
 * @param pendingDueDayFrom the day of the first charge on it, or empty
 * @param maxDueDay 31, or 7 for weekly plans
 * @param recurrence the last recurrence paid, and of how many for a limited plan
 * @param card the stored card ("VISA •••• 1111"), or empty
 * @param cardNeedsUpdate whether the card was refused for good
 * @param inTrial whether in its free trial
 * @param cancellable whether it may be cancelled
 * @param reactivatable whether it may be reactivated (cancelled, ended or overdue)
 * @param dueDayChangeable whether the due day may change now
 * @param payable whether a charge is unpaid and can be paid now
 * @param cardChangeable whether the card can be changed
 * @param active whether it is ACTIVE (plan switches)
 * @param charges the charges, newest first
 * @param history the recorded changes, newest first
 */
record SubscriptionView(String code, String product, String plan, String price, String status, List<String> explanation,
		String subscriberName, String subscriberEmail, String started, String trialEnds, String nextChargeKey,
		String nextCharge, int dueDay, Integer pendingDueDay, String pendingDueDayFrom, int maxDueDay,
		String recurrence, String card, boolean cardNeedsUpdate, boolean inTrial, boolean cancellable,
		boolean reactivatable, boolean dueDayChangeable, boolean payable, boolean cardChangeable, boolean active,
		List<ChargeRow> charges, List<ChangeRow> history) {

	static final Set<SubscriptionStatus> CANCELLABLE = EnumSet.of(SubscriptionStatus.STARTED, SubscriptionStatus.ACTIVE,
			SubscriptionStatus.DELAYED, SubscriptionStatus.OVERDUE);

	/**
	 * The summary only (for lists): no charges, no history.
	 */
	static SubscriptionView of(Subscription s, SubscriptionTexts texts, DunningSchedule dunning, Instant now,
			Locale locale) {
		return of(s, List.of(), List.of(), texts, dunning, now, locale);
	}

	static SubscriptionView of(Subscription s, List<Purchase> charges, List<SubscriptionChange> history,
			SubscriptionTexts texts, DunningSchedule dunning, Instant now, Locale locale) {
		boolean ended = s.status().cancelled() || s.status() == SubscriptionStatus.INACTIVE;
		Instant next = s.dateNextCharge();
		String nextText = ended ? SubscriptionTexts.when(s, next, locale) : SubscriptionTexts.day(s, next, locale);
		String pendingFrom = (s.pendingDueDay() != null && s.nextChargeDate() != null) ? Dates.showDay(BillingCalendar
			.at(BillingCalendar.next(s.nextChargeDate(), s.plan().period(), s.pendingDueDay()), s.zone()), s.zone(),
				locale) : "";
		String recurrence = (s.plan().maxCharges() != null)
				? texts.text("subscriptions.recurrence.of", locale, s.currentRecurrence(), s.plan().maxCharges())
				: String.valueOf(s.currentRecurrence());
		String card = (s.card() != null) ? s.card().brand() + " •••• " + s.card().last4() : "";
		boolean billable = s.status().billable();
		return new SubscriptionView(s.code(), s.productName(), s.plan().name(), texts.price(s.plan(), locale),
				s.status().name(), texts.explain(s, dunning, now, locale), s.subscriber().name(),
				s.subscriber().email(), SubscriptionTexts.when(s, s.startedAt(), locale),
				SubscriptionTexts.day(s, s.trialEndsAt(), locale),
				ended ? "subscriptions.field.last-access"
						: (s.unpaidCount() > 0) ? "subscriptions.field.unpaid-since"
								: "subscriptions.field.next-charge",
				nextText, s.dueDay(), s.pendingDueDay(), pendingFrom, BillingCalendar.maxDueDay(s.plan().period()),
				recurrence, card, s.cardNeedsUpdate(), s.inTrial(), CANCELLABLE.contains(s.status()),
				ended || s.status() == SubscriptionStatus.OVERDUE,
				(s.status() == SubscriptionStatus.ACTIVE || s.status() == SubscriptionStatus.DELAYED) && !s.inTrial(),
				billable && s.unpaidCount() > 0, billable, s.status() == SubscriptionStatus.ACTIVE,
				newestFirst(charges).stream().map((p) -> ChargeRow.of(s, p, texts, locale)).toList(),
				newestFirst(history).stream().map((c) -> ChangeRow.of(s, c, locale)).toList());
	}

	private static <T> List<T> newestFirst(List<T> oldestFirst) {
		List<T> copy = new java.util.ArrayList<>(oldestFirst);
		java.util.Collections.reverse(copy);
		return copy;
	}

	/**
	 * One charge (a purchase of the subscription).
	 *
	 * @param transaction its transaction code
	 * @param recurrence the recurrence it pays ("0" for a free trial's sign-up), or empty
	 * for a plan upgrade's difference
	 * @param date when it was made
	 * @param amount how much
	 * @param status the purchase status name
	 * @param decline why the card was refused, or empty
	 */
	record ChargeRow(String transaction, String recurrence, String date, String amount, String status, String decline) {

		static ChargeRow of(Subscription s, Purchase p, SubscriptionTexts texts, Locale locale) {
			Instant at = (p.approvedAt() != null) ? p.approvedAt() : p.terms().createdAt();
			return new ChargeRow(p.transaction(),
					(p.recurrenceNumber() != null) ? String.valueOf(p.recurrenceNumber()) : "",
					SubscriptionTexts.when(s, at, locale), MoneyText.format(p.terms().price(), locale),
					p.status().name(), texts.decline(p.payment().declineReason(), locale));
		}

	}

	/**
	 * One recorded change.
	 *
	 * @param at when
	 * @param from the status before, or empty
	 * @param to the status after
	 * @param cause what happened (a {@code subscriptions.cause.*} key's suffix)
	 * @param actor who did it (an {@code subscriptions.actor.*} key's suffix)
	 * @param detail specifics as recorded, or empty
	 */
	record ChangeRow(String at, String from, String to, String cause, String actor, String detail) {

		static ChangeRow of(Subscription s, SubscriptionChange c, Locale locale) {
			return new ChangeRow(SubscriptionTexts.when(s, c.at(), locale), (c.from() != null) ? c.from().name() : "",
					c.to().name(), c.cause(), c.actor().name(), (c.detail() != null) ? c.detail() : "");
		}

	}

}
