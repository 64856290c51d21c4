package io.atrium.subscriptions;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import io.atrium.catalog.BillingPeriod;
import io.atrium.checkout.Buyer;
import io.atrium.checkout.DeclineReason;
import io.atrium.shared.Money;
import io.atrium.subscriptions.SubscriptionReplay.ReplayedCharge;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A past replayed as the renewal run and the people did it, with the default dunning (1,
 * 3, 3, 3 days).
 */
class SubscriptionReplayTests {

	private static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");

	private static final Plan MONTHLY = new Plan(1, "MONTHLY1", "Monthly", BillingPeriod.MONTHLY, null, 0,
			Money.of(2990, "BRL"), null, 7);

	private static final Buyer BUYER = new Buyer("Ana", "ana@example.com", null, Locale.ENGLISH);

	// 15 January 2026, 10:00 in São Paulo: due on the 15th at 03:00 UTC
	private static final Instant START = Instant.parse("2026-01-15T13:00:00Z");

	@Test
	void aRecurrenceRefusedFiveTimesGoesOverdueAndTheFifthUnpaidDueDateCancelsIt() {
		Subscription s = start();
		List<ReplayedCharge> charges = replay(s,
				ImportedSubscription.of("MONTHLY1", 7, BUYER, null, START)
					.withDeclines(2, DeclineReason.DECLINED, DeclineReason.DECLINED, DeclineReason.DECLINED,
							DeclineReason.DECLINED, DeclineReason.DECLINED),
				Instant.parse("2026-08-01T12:00:00Z"));

		assertThat(s.status()).isEqualTo(SubscriptionStatus.CANCELLED_BY_ADMIN);
		assertThat(s.unpaidCount()).isEqualTo(Subscription.MAX_UNPAID);
		// recurrence 2 due on 15 February; overdue after 10 days; counted each 15th; the
		// fifth unpaid due date is 15 June
		assertThat(s.cancelledAt()).isEqualTo(Instant.parse("2026-06-15T03:00:00Z"));
		assertThat(charges).singleElement().satisfies((c) -> {
			assertThat(c.recurrence()).isEqualTo(2);
			assertThat(c.declines()).extracting((d) -> d.at())
				.containsExactly(Instant.parse("2026-02-15T03:00:00Z"), Instant.parse("2026-02-16T03:00:00Z"),
						Instant.parse("2026-02-19T03:00:00Z"), Instant.parse("2026-02-22T03:00:00Z"),
						Instant.parse("2026-02-25T03:00:00Z"));
			assertThat(c.paidAt()).isNull();
			assertThat(c.droppedAt()).isEqualTo(s.cancelledAt());
		});
	}

	@Test
	void aReactivationAfterThePaidPeriodChargesTheNextRecurrenceAndRenewalsGoOnFromIt() {
		Subscription s = start();
		List<ReplayedCharge> charges = replay(s,
				ImportedSubscription.of("MONTHLY1", 7, BUYER, null, START)
					.with(new ImportedSubscription.Cancel(Actor.BUYER, Instant.parse("2026-02-20T12:00:00Z")))
					.with(new ImportedSubscription.Reactivate(Instant.parse("2026-05-02T12:00:00Z"))),
				Instant.parse("2026-06-20T12:00:00Z"));

		assertThat(s.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		// paid until 15 March; reactivated in May: recurrence 3 paid then, the next on
		// the due day
		assertThat(charges).extracting(ReplayedCharge::recurrence).containsExactly(2, 3, 4, 5);
		assertThat(charges).extracting(ReplayedCharge::paidAt)
			.containsExactly(Instant.parse("2026-02-15T03:00:00Z"), Instant.parse("2026-05-02T12:00:00Z"),
					Instant.parse("2026-05-15T03:00:00Z"), Instant.parse("2026-06-15T03:00:00Z"));
		assertThat(s.currentRecurrence()).isEqualTo(5);
		assertThat(s.nextChargeAt()).isEqualTo(Instant.parse("2026-07-15T03:00:00Z"));
	}

	@Test
	void payingWhenNothingIsUnpaidIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> replay(start(),
				ImportedSubscription.of("MONTHLY1", 7, BUYER, null, START)
					.with(new ImportedSubscription.Pay(null, Instant.parse("2026-01-20T12:00:00Z"))),
				Instant.parse("2026-02-01T12:00:00Z")));
	}

	private static Subscription start() {
		return Subscription.start("CODE1234", 1, 2, "Club", MONTHLY,
				new Subscriber(7, "Ana", "ana@example.com", null, Locale.ENGLISH), 3, "HP0001", null, SAO_PAULO, START,
				DunningSchedule.DEFAULT);
	}

	private static List<ReplayedCharge> replay(Subscription s, ImportedSubscription imported, Instant now) {
		return new SubscriptionReplay(s, imported, DunningSchedule.DEFAULT, now).run();
	}

}
