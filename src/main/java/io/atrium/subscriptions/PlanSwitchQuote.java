package io.atrium.subscriptions;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

import io.atrium.catalog.BillingPeriod;
import io.atrium.shared.Money;

/**
 * What switching a subscription to another plan of its product costs and when it takes
 * effect: a pure policy, no Spring. An upgrade (a higher price per day) takes effect now
 * and charges the prorated difference: with the same period, the new price less the old
 * for the part of the period left, and the billing dates stay; with another period, the
 * new price less the credit for the unused part of the paid period, and a new period
 * starts today. A downgrade (or the same price per day) takes effect at the next renewal
 * and charges nothing now. During a free trial the plan changes now and nothing is
 * charged.
 *
 * @param kind upgrade, downgrade or trial change
 * @param chargeNow what is charged now (zero for a downgrade or during a trial)
 * @param credit the unused part of the paid period credited (zero unless an upgrade to
 * another period)
 * @param effectiveAt when the new plan applies
 * @param newCycle whether a new billing period starts now (an upgrade to another period)
 */
public record PlanSwitchQuote(Kind kind, Money chargeNow, Money credit, Instant effectiveAt, boolean newCycle) {

	/**
	 * @param oldPrice the current plan's price per period
	 * @param oldPeriod the current plan's period
	 * @param newPrice the new plan's price per period
	 * @param newPeriod the new plan's period
	 * @param periodStart the start of the paid period
	 * @param periodEnd its end (the next charge)
	 * @param now the instant of the switch
	 * @param trial whether the subscription is in its free trial
	 * @return the quote
	 * @throws IllegalArgumentException when the plans' currencies differ
	 */
	public static PlanSwitchQuote of(Money oldPrice, BillingPeriod oldPeriod, Money newPrice, BillingPeriod newPeriod,
			Instant periodStart, Instant periodEnd, Instant now, boolean trial) {
		if (!oldPrice.currency().equals(newPrice.currency())) {
			throw new IllegalArgumentException("Plans in different currencies: " + oldPrice + ", " + newPrice);
		}
		Money zero = newPrice.withAmount(0);
		if (trial) {
			return new PlanSwitchQuote(Kind.TRIAL_CHANGE, zero, zero, now, false);
		}
		// price per day compared without rounding: new/newDays > old/oldDays
		boolean upgrade = BigDecimal.valueOf(newPrice.amountMinor())
			.multiply(BigDecimal.valueOf(oldPeriod.intervalDays()))
			.compareTo(BigDecimal.valueOf(oldPrice.amountMinor())
				.multiply(BigDecimal.valueOf(newPeriod.intervalDays()))) > 0;
		if (!upgrade) {
			return new PlanSwitchQuote(Kind.DOWNGRADE, zero, zero, periodEnd, false);
		}
		BigDecimal left = fractionLeft(periodStart, periodEnd, now);
		if (oldPeriod == newPeriod) {
			long difference = newPrice.amountMinor() - oldPrice.amountMinor();
			long charge = left.multiply(BigDecimal.valueOf(difference)).setScale(0, RoundingMode.HALF_UP).longValue();
			return new PlanSwitchQuote(Kind.UPGRADE, newPrice.withAmount(charge), zero, now, false);
		}
		long credit = left.multiply(BigDecimal.valueOf(oldPrice.amountMinor()))
			.setScale(0, RoundingMode.HALF_UP)
			.longValue();
		long charge = Math.max(0, newPrice.amountMinor() - credit);
		return new PlanSwitchQuote(Kind.UPGRADE, newPrice.withAmount(charge), newPrice.withAmount(credit), now, true);
	}

	private static BigDecimal fractionLeft(Instant start, Instant end, Instant now) {
		long total = Duration.between(start, end).getSeconds();
		long left = Duration.between(now, end).getSeconds();
		if (total <= 0 || left <= 0) {
			return BigDecimal.ZERO;
		}
		return BigDecimal.valueOf(Math.min(left, total)).divide(BigDecimal.valueOf(total), 10, RoundingMode.HALF_UP);
	}

	/** What kind of switch. */
	public enum Kind {

		/** A higher price per day: now, prorated. */
		UPGRADE,

		/** A lower or equal price per day: at the next renewal. */
		DOWNGRADE,

		/** During the free trial: now, free. */
		TRIAL_CHANGE

	}

}
