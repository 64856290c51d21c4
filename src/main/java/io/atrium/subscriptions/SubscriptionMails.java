package io.atrium.subscriptions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.atrium.catalog.BillingPeriod;
import io.atrium.checkout.MoneyText;
import io.atrium.notifications.Mailer;
import io.atrium.notifications.OutgoingMail;
import io.atrium.platform.BaseUrl;
import io.atrium.platform.Dates;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subscriber's e-mails, in their language, with dates in the producer's time zone:
 * the receipt of every charge, a refused charge (with the link to pay or change the
 * card), access stopped (overdue), the cancellation (when asked), a reactivation offer
 * and its confirmation, and a reminder a week before an annual or half-yearly renewal.
 * Each runs after the change committed and is queued at most once per occasion
 * ({@code subscription_mails}), however often the listener runs.
 */
@Component
class SubscriptionMails {

	/** How long before an annual or half-yearly renewal the reminder goes. */
	static final Duration REMINDER_BEFORE = Duration.ofDays(7);

	private final SubscriptionRows rows;

	private final JdbcClient jdbc;

	private final Mailer mailer;

	private final BaseUrl baseUrl;

	private final Clock clock;

	SubscriptionMails(SubscriptionRows rows, JdbcClient jdbc, Mailer mailer, BaseUrl baseUrl, Clock clock) {
		this.rows = rows;
		this.jdbc = jdbc;
		this.mailer = mailer;
		this.baseUrl = baseUrl;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(SubscriptionEvents.Charged event) {
		send(event.subscription(), "RECEIPT", event.transaction(), "receipt", (s, v) -> {
			v.put("transaction", event.transaction());
			v.put("amount", MoneyText.format(event.amount(), s.subscriber().locale()));
			v.put("recurrence", event.recurrence());
			v.put("card", (event.cardBrand() != null) ? event.cardBrand() + " •••• " + event.cardLast4() : null);
			v.put("nextCharge", date(s, event.nextChargeAt()));
			v.put("lastCharge", event.recurrence() != null && s.plan().maxCharges() != null
					&& event.recurrence() >= s.plan().maxCharges());
		}, event.transaction());
	}

	@ApplicationModuleListener
	void on(SubscriptionEvents.ChargeFailed event) {
		send(event.subscription(), "FAILED", event.transaction() + "@" + event.at().toEpochMilli(), "failed",
				(s, v) -> {
					v.put("amount", MoneyText.format(event.amount(), s.subscriber().locale()));
					v.put("reason", event.reason().name());
					v.put("hard", !event.reason().retriable());
					v.put("retryAt", date(s, event.retryAt()));
					// a window that ends now (the last retry failed) is about to stop
					// access
					boolean windowAhead = event.accessEndsAt() != null && event.accessEndsAt().isAfter(event.at());
					v.put("accessEndsAt", windowAhead ? date(s, event.accessEndsAt()) : null);
					v.put("access", s.givesAccess(event.at(), dunning(s)));
				});
	}

	@ApplicationModuleListener
	void on(SubscriptionEvents.WentOverdue event) {
		send(event.subscription(), "OVERDUE", String.valueOf(event.overdueSince().toEpochMilli()), "overdue",
				(s, v) -> v.put("overdueSince", date(s, event.overdueSince())));
	}

	@ApplicationModuleListener
	void on(SubscriptionEvents.Cancelled event) {
		if (!event.sendMail()) {
			return;
		}
		send(event.subscription(), "CANCELLED", String.valueOf(event.at().toEpochMilli()), "cancelled", (s, v) -> {
			v.put("accessUntil", date(s, event.accessUntil()));
			v.put("accessKept", event.accessUntil() != null && event.accessUntil().isAfter(event.at()));
			v.put("actor", event.actor().name());
			v.put("cause",
					this.rows.history(s.id())
						.stream()
						.filter((c) -> c.to().cancelled())
						.reduce((first, second) -> second)
						.map(SubscriptionChange::cause)
						.orElse("CANCELLED"));
		});
	}

	@ApplicationModuleListener
	void on(SubscriptionEvents.ReactivationOffered event) {
		send(event.subscription(), "REACTIVATION_OFFER", String.valueOf(event.at().toEpochMilli()),
				"reactivation-offer", (s, v) -> {
					v.put("validUntil", date(s, event.validUntil()));
					v.put("charge", event.charge());
					v.put("amount", MoneyText.format(s.plan().price(), s.subscriber().locale()));
				});
	}

	@ApplicationModuleListener
	void on(SubscriptionEvents.Reactivated event) {
		send(event.subscription(), "REACTIVATED", String.valueOf(event.at().toEpochMilli()), "reactivated",
				(s, v) -> v.put("nextCharge", date(s, event.nextChargeAt())));
	}

	/**
	 * Queues the reminder of annual and half-yearly renewals due within a week, once per
	 * renewal.
	 * @return how many reminders it queued
	 */
	@Transactional
	int remindAnnualRenewals() {
		Instant now = this.clock.instant();
		int sent = 0;
		for (long id : this.rows.chargesBetween(now, now.plus(REMINDER_BEFORE),
				List.of(BillingPeriod.ANNUAL.name(), BillingPeriod.BIANNUAL.name()))) {
			Subscription s = this.rows.find(id).orElseThrow();
			if (s.inTrial() || !this.rows.claimReminder(id, s.producerAccountId(), s.currentRecurrence() + 1, now)) {
				continue;
			}
			Map<String, Object> v = variables(s);
			v.put("amount", MoneyText.format(s.plan().price(), s.subscriber().locale()));
			v.put("nextCharge", date(s, s.nextChargeAt()));
			queue(s, "reminder", v, List.of(s.productName()));
			sent++;
		}
		return sent;
	}

	private void send(SubscriptionRef ref, String kind, String occasion, String template, Filler filler,
			Object... subjectArgs) {
		if (!claim(ref.subscriptionId(), ref.producerAccountId(), kind, occasion)) {
			return;
		}
		Subscription s = this.rows.find(ref.subscriptionId()).orElseThrow();
		Map<String, Object> v = variables(s);
		filler.fill(s, v);
		List<Object> args = new java.util.ArrayList<>();
		args.add(s.productName());
		args.addAll(List.of(subjectArgs));
		queue(s, template, v, args);
	}

	private void queue(Subscription s, String template, Map<String, Object> v, List<Object> subjectArgs) {
		// an outgoing mail keeps no null variable: an absent one reads as null in the
		// template
		v.values().removeIf(java.util.Objects::isNull);
		this.mailer.enqueue(new OutgoingMail(s.subscriber().email(), s.subscriber().locale(),
				"subscriptions.mail." + template + ".subject", subjectArgs, "subscriptions/mail/" + template, v));
	}

	private Map<String, Object> variables(Subscription s) {
		Map<String, Object> v = new HashMap<>();
		v.put("buyerName", s.subscriber().name());
		v.put("productName", s.productName());
		v.put("planName", s.plan().name());
		v.put("subscriberCode", s.code());
		v.put("subscriptionUrl", this.baseUrl.link("/my/subscriptions/" + s.code()));
		return v;
	}

	private DunningSchedule dunning(Subscription s) {
		return this.rows.settings(s.producerAccountId()).orElse(DunningSchedule.DEFAULT);
	}

	private static String date(Subscription s, Instant instant) {
		return (instant != null) ? Dates.show(instant, s.zone(), s.subscriber().locale()) : null;
	}

	private boolean claim(long subscriptionId, long producerAccountId, String kind, String occasion) {
		String key = (occasion.length() > 60) ? occasion.substring(0, 60) : occasion;
		return this.jdbc.sql("""
				INSERT INTO subscription_mails (subscription_id, producer_account_id, kind, occasion, queued_at)
				VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
				""")
			.params(subscriptionId, producerAccountId, kind, key, SubscriptionRows.utc(this.clock.instant()))
			.update() == 1;
	}

	@FunctionalInterface
	private interface Filler {

		void fill(Subscription s, Map<String, Object> variables);

	}

}
