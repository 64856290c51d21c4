package io.atrium.subscriptions.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.atrium.checkout.DeclineReason;
import io.atrium.checkout.MoneyText;
import io.atrium.platform.Dates;
import io.atrium.subscriptions.DunningSchedule;
import io.atrium.subscriptions.Plan;
import io.atrium.subscriptions.Subscription;
import io.atrium.subscriptions.SubscriptionStatus;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The sentences the subscription pages say about a subscription, in the reader's
 * language, every date in the subscription's time zone with the zone named: where it
 * stands in plain words ("Overdue since Mar 3, 2027 (America/Sao_Paulo): access stopped;
 * 2 unpaid charges"), its price and period, a decline reason.
 */
@Component
class SubscriptionTexts {

	private final MessageSource messages;

	SubscriptionTexts(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * @param s a subscription
	 * @param dunning its producer's dunning settings
	 * @param now the instant
	 * @param locale the reader's language
	 * @return one to three sentences: the status explained, then what is pending (a
	 * reactivation offer, a plan switch at the next renewal)
	 */
	List<String> explain(Subscription s, DunningSchedule dunning, Instant now, Locale locale) {
		List<String> lines = new ArrayList<>();
		String price = MoneyText.format(s.plan().price(), locale);
		switch (s.status()) {
			case ACTIVE -> {
				if (s.inTrial()) {
					lines.add(text("subscriptions.explain.TRIAL", locale, day(s, s.trialEndsAt(), locale), price));
				}
				else {
					lines.add(text("subscriptions.explain.ACTIVE", locale, price, day(s, s.nextChargeAt(), locale)));
				}
			}
			case DELAYED -> {
				lines.add(text("subscriptions.explain.DELAYED", locale, day(s, s.overdueSince(), locale),
						s.failedAttempts(), decline(s.lastDecline(), locale)));
				if (s.overdueSince() == null) {
					break;
				}
				Instant retry = s.cardNeedsUpdate() ? null : dunning.nextRetry(s.overdueSince(), s.failedAttempts());
				String stops = when(s, dunning.windowEnd(s.overdueSince()), locale);
				lines.add((retry != null) ? text("subscriptions.explain.DELAYED.retry", locale, when(s, retry, locale))
						: text("subscriptions.explain.DELAYED.no-retry", locale));
				lines.add(dunning.graceWhileDelayed() ? text("subscriptions.explain.DELAYED.grace", locale, stops)
						: text("subscriptions.explain.DELAYED.no-grace", locale));
			}
			case OVERDUE -> lines
				.add(text("subscriptions.explain.OVERDUE", locale, day(s, s.overdueSince(), locale), s.unpaidCount()));
			case CANCELLED_BY_CUSTOMER, CANCELLED_BY_SELLER, CANCELLED_BY_ADMIN -> {
				boolean unpaid = s.status() == SubscriptionStatus.CANCELLED_BY_ADMIN
						&& s.unpaidCount() >= Subscription.MAX_UNPAID;
				boolean continues = s.accessUntil() != null && now.isBefore(s.accessUntil());
				String key = unpaid ? "subscriptions.explain.CANCELLED_UNPAID"
						: "subscriptions.explain." + s.status().name() + (continues ? ".until" : ".ended");
				lines.add(text(key, locale, when(s, s.cancelledAt(), locale), when(s, s.accessUntil(), locale),
						s.unpaidCount()));
			}
			case INACTIVE -> lines.add(text("subscriptions.explain.INACTIVE", locale, s.currentRecurrence(),
					when(s, s.accessUntil(), locale)));
			case STARTED -> lines.add(text("subscriptions.explain.STARTED", locale));
		}
		if (s.reactivationOffered(now)) {
			lines.add(text(
					Boolean.TRUE.equals(s.reactivationCharge()) ? "subscriptions.explain.offer.charge"
							: "subscriptions.explain.offer.free",
					locale, when(s, s.reactivationOfferedAt(), locale),
					when(s, s.reactivationOfferedAt().plus(io.atrium.subscriptions.Subscriptions.REACTIVATION_VALIDITY),
							locale),
					price));
		}
		if (s.pendingOfferId() != null) {
			lines.add(text("subscriptions.explain.pending-plan", locale, day(s, s.nextChargeAt(), locale)));
		}
		return lines;
	}

	/**
	 * @param plan a plan
	 * @param locale the reader's language
	 * @return its price and how often, e.g. "R$ 49.90 every month"
	 */
	String price(Plan plan, Locale locale) {
		return text("subscriptions.price", locale, MoneyText.format(plan.price(), locale),
				text("subscriptions.period." + plan.period().name(), locale));
	}

	/**
	 * @param reason a decline reason, or null
	 * @param locale the reader's language
	 * @return why the card was refused, in words; empty for null
	 */
	String decline(DeclineReason reason, Locale locale) {
		return (reason != null) ? text("subscriptions.page.decline." + reason.name(), locale) : "";
	}

	/**
	 * @return the day of an instant in the subscription's zone, the zone named
	 */
	static String day(Subscription s, Instant instant, Locale locale) {
		return Dates.showDay(instant, s.zone(), locale);
	}

	/**
	 * @return the date and time of an instant in the subscription's zone, the zone named
	 */
	static String when(Subscription s, Instant instant, Locale locale) {
		return Dates.show(instant, s.zone(), locale);
	}

	String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

}
