package io.atrium.subscriptions;

import java.time.Duration;
import java.time.Instant;

import io.atrium.catalog.BillingPeriod;
import io.atrium.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a plan switch costs now and when it applies.
 */
class PlanSwitchQuoteTests {

	static final Instant START = Instant.parse("2027-03-01T03:00:00Z");

	static final Instant END = START.plus(Duration.ofDays(30));

	static final Instant HALFWAY = START.plus(Duration.ofDays(15));

	static Money brl(long minor) {
		return Money.of(minor, "BRL");
	}

	static PlanSwitchQuote quote(long oldPrice, BillingPeriod oldPeriod, long newPrice, BillingPeriod newPeriod,
			Instant now) {
		return PlanSwitchQuote.of(brl(oldPrice), oldPeriod, brl(newPrice), newPeriod, START, END, now, false);
	}

	@Test
	void anUpgradeInTheSamePeriodChargesTheDifferenceForTheDaysLeftAndKeepsTheDates() {
		PlanSwitchQuote q = quote(3000, BillingPeriod.MONTHLY, 6000, BillingPeriod.MONTHLY, HALFWAY);
		assertThat(q.kind()).isEqualTo(PlanSwitchQuote.Kind.UPGRADE);
		assertThat(q.chargeNow()).isEqualTo(brl(1500));
		assertThat(q.credit()).isEqualTo(brl(0));
		assertThat(q.effectiveAt()).isEqualTo(HALFWAY);
		assertThat(q.newCycle()).isFalse();
	}

	@Test
	void theProratedDifferenceIsRoundedHalfUpToTheCent() {
		// a third of the period left: 1000 / 3 = 333.33 -> 333; two thirds: 666.67 -> 667
		assertThat(quote(1000, BillingPeriod.MONTHLY, 2000, BillingPeriod.MONTHLY, START.plus(Duration.ofDays(20)))
			.chargeNow()).isEqualTo(brl(333));
		assertThat(quote(1000, BillingPeriod.MONTHLY, 2000, BillingPeriod.MONTHLY, START.plus(Duration.ofDays(10)))
			.chargeNow()).isEqualTo(brl(667));
	}

	@Test
	void atTheStartOfThePeriodTheWholeDifferenceAtItsEndNothing() {
		assertThat(quote(3000, BillingPeriod.MONTHLY, 5000, BillingPeriod.MONTHLY, START).chargeNow())
			.isEqualTo(brl(2000));
		assertThat(quote(3000, BillingPeriod.MONTHLY, 5000, BillingPeriod.MONTHLY, END).chargeNow()).isEqualTo(brl(0));
		assertThat(quote(3000, BillingPeriod.MONTHLY, 5000, BillingPeriod.MONTHLY, START.minusSeconds(60)).chargeNow())
			.as("never more than the whole difference")
			.isEqualTo(brl(2000));
	}

	@Test
	void anUpgradeToAnotherPeriodChargesTheNewPriceLessTheUnusedPartAndStartsANewPeriod() {
		// monthly 30.00 -> annual 600.00 (1.67 a day > 1.00 a day), half the month unused
		PlanSwitchQuote q = quote(3000, BillingPeriod.MONTHLY, 60000, BillingPeriod.ANNUAL, HALFWAY);
		assertThat(q.kind()).isEqualTo(PlanSwitchQuote.Kind.UPGRADE);
		assertThat(q.credit()).isEqualTo(brl(1500));
		assertThat(q.chargeNow()).isEqualTo(brl(58500));
		assertThat(q.effectiveAt()).isEqualTo(HALFWAY);
		assertThat(q.newCycle()).isTrue();
	}

	@Test
	void theCreditNeverMakesTheChargeNegative() {
		// weekly 50.00 (7.14 a day) -> monthly 250.00 (8.33 a day), the month just paid
		PlanSwitchQuote q = PlanSwitchQuote.of(brl(5000), BillingPeriod.WEEKLY, brl(25000), BillingPeriod.MONTHLY,
				START, START.plus(Duration.ofDays(7)), START, false);
		assertThat(q.kind()).isEqualTo(PlanSwitchQuote.Kind.UPGRADE);
		assertThat(q.credit()).isEqualTo(brl(5000));
		assertThat(q.chargeNow()).isEqualTo(brl(20000));
		assertThat(q.chargeNow().amountMinor()).isNotNegative();
	}

	@Test
	void aDowngradeChargesNothingAndAppliesAtTheNextRenewal() {
		PlanSwitchQuote q = quote(6000, BillingPeriod.MONTHLY, 3000, BillingPeriod.MONTHLY, HALFWAY);
		assertThat(q.kind()).isEqualTo(PlanSwitchQuote.Kind.DOWNGRADE);
		assertThat(q.chargeNow()).isEqualTo(brl(0));
		assertThat(q.credit()).isEqualTo(brl(0));
		assertThat(q.effectiveAt()).isEqualTo(END);
		assertThat(q.newCycle()).isFalse();
	}

	@Test
	void theSamePriceADayIsNotAnUpgrade() {
		assertThat(quote(3000, BillingPeriod.MONTHLY, 3000, BillingPeriod.MONTHLY, HALFWAY).kind())
			.isEqualTo(PlanSwitchQuote.Kind.DOWNGRADE);
		// 30.00 a month is 1.00 a day, as 360.00 a year
		assertThat(quote(3000, BillingPeriod.MONTHLY, 36000, BillingPeriod.ANNUAL, HALFWAY).kind())
			.isEqualTo(PlanSwitchQuote.Kind.DOWNGRADE);
		// an annual plan cheaper by the day is a downgrade: at the renewal
		PlanSwitchQuote annual = quote(3000, BillingPeriod.MONTHLY, 30000, BillingPeriod.ANNUAL, HALFWAY);
		assertThat(annual.kind()).isEqualTo(PlanSwitchQuote.Kind.DOWNGRADE);
		assertThat(annual.effectiveAt()).isEqualTo(END);
	}

	@Test
	void duringTheFreeTrialThePlanChangesNowForNothing() {
		PlanSwitchQuote q = PlanSwitchQuote.of(brl(3000), BillingPeriod.MONTHLY, brl(9000), BillingPeriod.MONTHLY,
				START, END, HALFWAY, true);
		assertThat(q.kind()).isEqualTo(PlanSwitchQuote.Kind.TRIAL_CHANGE);
		assertThat(q.chargeNow()).isEqualTo(brl(0));
		assertThat(q.effectiveAt()).isEqualTo(HALFWAY);
		assertThat(q.newCycle()).isFalse();
	}

	@Test
	void plansInAnotherCurrencyCannotBeCompared() {
		assertThatThrownBy(() -> PlanSwitchQuote.of(brl(3000), BillingPeriod.MONTHLY, Money.of(3000, "USD"),
				BillingPeriod.MONTHLY, START, END, HALFWAY, false))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
