package io.atrium.club.access;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.atrium.club.access.AccessFacts.EnrollmentState;
import io.atrium.club.groups.PurchaseState;
import io.atrium.subscriptions.SubscriptionStatus;
import org.junit.jupiter.api.Test;

import static io.atrium.subscriptions.SubscriptionStatus.ACTIVE;
import static io.atrium.subscriptions.SubscriptionStatus.CANCELLED_BY_CUSTOMER;
import static io.atrium.subscriptions.SubscriptionStatus.CANCELLED_BY_SELLER;
import static io.atrium.subscriptions.SubscriptionStatus.DELAYED;
import static io.atrium.subscriptions.SubscriptionStatus.INACTIVE;
import static io.atrium.subscriptions.SubscriptionStatus.OVERDUE;
import static io.atrium.subscriptions.SubscriptionStatus.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access that comes from subscriptions: a student with subscriptions of a product needs
 * one of them to grant access now; when none does, the decision says how they lapsed.
 * Students without subscriptions are covered by {@link AccessPolicyTests}.
 */
class SubscriptionAccessPolicyTests {

	private static final Instant START = Instant.parse("2026-11-01T10:00:00Z");

	private static final Instant NOW = Instant.parse("2026-12-20T10:00:00Z");

	private static final Instant DUE = Instant.parse("2026-12-01T03:00:00Z");

	@Test
	void anActiveSubscriptionGivesAccess() {
		assertThat(decide(right(1, ACTIVE, true, null, null)).allowed()).isTrue();
	}

	@Test
	void aDelayedSubscriptionWithinTheProducersGraceStillGivesAccess() {
		assertThat(decide(right(1, DELAYED, true, null, DUE)).allowed()).isTrue();
	}

	@Test
	void aDelayedSubscriptionPastTheGraceIsOverdueSinceItsFirstUnpaidDueDate() {
		assertThat(decide(right(1, DELAYED, false, null, DUE)).denials())
			.containsExactly(new AccessDenial(AccessReason.SUBSCRIPTION_OVERDUE, DUE, null));
	}

	@Test
	void anOverdueSubscriptionIsOverdueSinceItsFirstUnpaidDueDate() {
		assertThat(decide(right(1, OVERDUE, false, null, DUE)).denials())
			.containsExactly(new AccessDenial(AccessReason.SUBSCRIPTION_OVERDUE, DUE, null));
	}

	@Test
	void aCancelledSubscriptionGivesAccessUntilTheEndOfItsPaidPeriodThenSaysWhenItEnded() {
		Instant until = NOW.plus(Duration.ofDays(3));
		EnrollmentState cancelled = enrolled(right(1, CANCELLED_BY_CUSTOMER, true, until, null));
		assertThat(decide(cancelled, NOW).allowed()).isTrue();
		assertThat(decide(cancelled, until.minusMillis(1)).allowed()).isTrue();
		assertThat(decide(cancelled, until).denials())
			.containsExactly(new AccessDenial(AccessReason.SUBSCRIPTION_CANCELLED, until, null));
		assertThat(decide(cancelled, until.plus(Duration.ofDays(30))).denials())
			.containsExactly(new AccessDenial(AccessReason.SUBSCRIPTION_CANCELLED, until, null));
	}

	@Test
	void aSubscriptionCancelledWithoutAPaidPeriodLeftIsCancelledWithoutADate() {
		assertThat(decide(right(1, CANCELLED_BY_SELLER, false, null, null)).denials())
			.containsExactly(new AccessDenial(AccessReason.SUBSCRIPTION_CANCELLED, null, null));
	}

	@Test
	void inactiveStartedOrAnyOtherSubscriptionWithoutAccessIsInactive() {
		for (SubscriptionRight r : List.of(right(1, INACTIVE, false, null, null), right(1, STARTED, false, null, null),
				right(1, ACTIVE, false, null, null))) {
			assertThat(decide(r).denials()).as("%s", r)
				.containsExactly(new AccessDenial(AccessReason.SUBSCRIPTION_INACTIVE, null, null));
		}
	}

	@Test
	void withTwoSubscriptionsOfOneProductEitherOneKeepsAccess() {
		SubscriptionRight active = right(1, ACTIVE, true, null, null);
		SubscriptionRight ended = right(2, CANCELLED_BY_CUSTOMER, true, NOW.minus(Duration.ofDays(1)), null);
		SubscriptionRight overdue = right(3, OVERDUE, false, null, DUE);
		assertThat(decide(active, ended).allowed()).isTrue();
		assertThat(decide(overdue, active).allowed()).isTrue();
	}

	@Test
	void whenNoneGivesAccessEachKindOfLapseIsOneReasonInOrder() {
		Instant ended = NOW.minus(Duration.ofDays(1));
		assertThat(decide(right(1, INACTIVE, false, null, null), right(2, CANCELLED_BY_CUSTOMER, true, ended, null),
				right(3, OVERDUE, false, null, DUE))
			.denials()).containsExactly(new AccessDenial(AccessReason.SUBSCRIPTION_OVERDUE, DUE, null),
					new AccessDenial(AccessReason.SUBSCRIPTION_CANCELLED, ended, null),
					new AccessDenial(AccessReason.SUBSCRIPTION_INACTIVE, null, null));
	}

	@Test
	void twoLapsesOfOneKindAreOneReasonDatedByTheLatest() {
		Instant earlier = NOW.minus(Duration.ofDays(9));
		Instant later = NOW.minus(Duration.ofDays(2));
		assertThat(decide(right(1, CANCELLED_BY_CUSTOMER, true, later, null),
				right(2, CANCELLED_BY_SELLER, true, earlier, null))
			.denials()).containsExactly(new AccessDenial(AccessReason.SUBSCRIPTION_CANCELLED, later, null));
		assertThat(decide(right(1, OVERDUE, false, null, earlier), right(2, DELAYED, false, null, later)).denials())
			.containsExactly(new AccessDenial(AccessReason.SUBSCRIPTION_OVERDUE, later, null));
	}

	@Test
	void subscriptionReasonsComeAfterThePurchaseAndBeforeTheContent() {
		EnrollmentState e = new EnrollmentState(START, true, null, PurchaseState.REFUNDED,
				List.of(right(1, OVERDUE, false, null, DUE)));
		ContentRule rule = new ContentRule(true, Drip.onDate(NOW.plusSeconds(60)), Expiration.NEVER);
		assertThat(AccessPolicy.decide(new AccessFacts(e, rule, null, true, true, false, false), NOW).reasons())
			.containsExactly(AccessReason.BLOCKED_BY_PRODUCER, AccessReason.PURCHASE_REFUNDED,
					AccessReason.SUBSCRIPTION_OVERDUE, AccessReason.NOT_RELEASED_YET);
	}

	@Test
	void withoutSubscriptionsNothingIsAsked() {
		assertThat(decide(enrolled(), NOW).allowed()).isTrue();
	}

	private static SubscriptionRight right(long id, SubscriptionStatus status, boolean access, Instant accessUntil,
			Instant overdueSince) {
		return new SubscriptionRight(id, status, access, accessUntil, overdueSince);
	}

	private static EnrollmentState enrolled(SubscriptionRight... rights) {
		return new EnrollmentState(START, false, null, PurchaseState.ACTIVE, List.of(rights));
	}

	private static AccessDecision decide(SubscriptionRight... rights) {
		return decide(enrolled(rights), NOW);
	}

	private static AccessDecision decide(EnrollmentState e, Instant now) {
		return AccessPolicy.decide(new AccessFacts(e, ContentRule.DEFAULT, null, true, true, false, false), now);
	}

}
