package io.atrium.club.access;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.atrium.club.access.AccessFacts.EnrollmentState;
import io.atrium.club.groups.PurchaseState;
import io.atrium.subscriptions.SubscriptionStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The access decision for every reason alone and for every combination of them: each
 * reason appears exactly when its condition holds, always in {@link AccessReason} order.
 */
class AccessPolicyTests {

	private static final Instant START = Instant.parse("2026-11-01T10:00:00Z");

	private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

	/** One condition per reason that can be made true independently of the others. */
	private enum Condition {

		NOT_ENROLLED, BLOCKED, PERIOD_ENDED, REFUNDED, CHARGED_BACK, SUBSCRIPTION_LAPSED, NOT_IN_GROUP, NOT_RELEASED,
		EXPIRED, UNPUBLISHED, MEDIA_UNAVAILABLE, PASSWORD

	}

	@Test
	void openWhenNothingStandsInTheWay() {
		AccessDecision d = AccessPolicy.decide(facts(List.of()), NOW);
		assertThat(d.allowed()).isTrue();
		assertThat(d.denials()).isEmpty();
	}

	@Test
	void everyCombinationGivesExactlyItsReasonsInOrder() {
		Condition[] all = Condition.values();
		int checked = 0;
		for (int mask = 0; mask < (1 << all.length); mask++) {
			List<Condition> on = new ArrayList<>();
			for (int i = 0; i < all.length; i++) {
				if ((mask & (1 << i)) != 0) {
					on.add(all[i]);
				}
			}
			if (on.contains(Condition.REFUNDED) && on.contains(Condition.CHARGED_BACK)) {
				continue; // a purchase is refunded or charged back, not both
			}
			AccessDecision d = AccessPolicy.decide(facts(on), NOW);
			assertThat(d.reasons()).as("conditions %s", on).isEqualTo(expected(on));
			assertThat(d.allowed()).isEqualTo(on.isEmpty());
			checked++;
		}
		assertThat(checked).isGreaterThan(3000);
	}

	@Test
	void releaseAndExpiryCarryTheirDates() {
		ContentRule rule = new ContentRule(true, Drip.afterDays(30), Expiration.onDate(START.plus(Duration.ofDays(5))));
		AccessDecision d = AccessPolicy.decide(new AccessFacts(enrolled(), rule, null, true, true, false, false), NOW);
		assertThat(d.denials()).containsExactly(
				new AccessDenial(AccessReason.NOT_RELEASED_YET, START.plus(Duration.ofDays(30)), null),
				new AccessDenial(AccessReason.EXPIRED, START.plus(Duration.ofDays(5)), null));
	}

	@Test
	void dripBoundariesAreExact() {
		ContentRule rule = new ContentRule(true, Drip.afterDays(7), Expiration.afterDays(10));
		AccessFacts facts = new AccessFacts(enrolled(), rule, null, true, true, false, false);
		Instant release = START.plus(Duration.ofDays(7));
		Instant expiry = START.plus(Duration.ofDays(10));
		assertThat(AccessPolicy.decide(facts, release.minusMillis(1)).reasons())
			.containsExactly(AccessReason.NOT_RELEASED_YET);
		assertThat(AccessPolicy.decide(facts, release).allowed()).isTrue();
		assertThat(AccessPolicy.decide(facts, expiry.minusMillis(1)).allowed()).isTrue();
		assertThat(AccessPolicy.decide(facts, expiry).reasons()).containsExactly(AccessReason.EXPIRED);
	}

	@Test
	void afterPageDripWaitsForThePageAndNamesIt() {
		ContentRule rule = new ContentRule(true, Drip.afterPage(42), Expiration.NEVER);
		AccessDecision waiting = AccessPolicy.decide(new AccessFacts(enrolled(), rule, null, true, true, false, false),
				NOW);
		assertThat(waiting.denials()).containsExactly(new AccessDenial(AccessReason.NOT_RELEASED_YET, null, 42L));
		AccessDecision done = AccessPolicy
			.decide(new AccessFacts(enrolled(), rule, NOW.minusSeconds(60), true, true, false, false), NOW);
		assertThat(done.allowed()).isTrue();
	}

	@Test
	void onlyThePasswordMissingOffersTheForm() {
		AccessDecision d = AccessPolicy
			.decide(new AccessFacts(enrolled(), ContentRule.DEFAULT, null, true, true, true, false), NOW);
		assertThat(d.onlyNeedsPassword()).isTrue();
		AccessDecision unlocked = AccessPolicy
			.decide(new AccessFacts(enrolled(), ContentRule.DEFAULT, null, true, true, true, true), NOW);
		assertThat(unlocked.allowed()).isTrue();
	}

	@Test
	void pageRuleOverridesModuleRule() {
		ContentRule module = new ContentRule(false, Drip.IMMEDIATE, Expiration.NEVER);
		ContentRule page = new ContentRule(true, Drip.afterDays(3), Expiration.NEVER);
		assertThat(ContentRule.effective(page, module)).isEqualTo(page);
		assertThat(ContentRule.effective(null, module)).isEqualTo(module);
		assertThat(ContentRule.effective(null, null)).isEqualTo(ContentRule.DEFAULT);
	}

	private static EnrollmentState enrolled() {
		return new EnrollmentState(START, false, null, PurchaseState.ACTIVE, List.of());
	}

	private static AccessFacts facts(List<Condition> on) {
		EnrollmentState e = on.contains(Condition.NOT_ENROLLED) ? null : new EnrollmentState(START,
				on.contains(Condition.BLOCKED), on.contains(Condition.PERIOD_ENDED) ? NOW.minusSeconds(1) : null,
				on.contains(Condition.REFUNDED) ? PurchaseState.REFUNDED
						: on.contains(Condition.CHARGED_BACK) ? PurchaseState.CHARGED_BACK : PurchaseState.ACTIVE,
				on.contains(Condition.SUBSCRIPTION_LAPSED)
						? List.of(new SubscriptionRight(1, SubscriptionStatus.INACTIVE, false, null, null))
						: List.of());
		Drip drip = on.contains(Condition.NOT_RELEASED) ? Drip.onDate(NOW.plusSeconds(3600)) : Drip.IMMEDIATE;
		Expiration expiration = on.contains(Condition.EXPIRED) ? Expiration.afterDays(2) : Expiration.NEVER;
		ContentRule rule = new ContentRule(!on.contains(Condition.NOT_IN_GROUP), drip, expiration);
		return new AccessFacts(e, rule, null, !on.contains(Condition.UNPUBLISHED),
				!on.contains(Condition.MEDIA_UNAVAILABLE), on.contains(Condition.PASSWORD), false);
	}

	/**
	 * What the decision must say: group and date reasons need an enrolment, and a hidden
	 * item has no dates.
	 */
	private static List<AccessReason> expected(List<Condition> on) {
		List<AccessReason> reasons = new ArrayList<>();
		boolean enrolled = !on.contains(Condition.NOT_ENROLLED);
		if (!enrolled) {
			reasons.add(AccessReason.NOT_ENROLLED);
		}
		if (enrolled) {
			add(reasons, on, Condition.BLOCKED, AccessReason.BLOCKED_BY_PRODUCER);
			add(reasons, on, Condition.PERIOD_ENDED, AccessReason.ACCESS_PERIOD_ENDED);
			add(reasons, on, Condition.REFUNDED, AccessReason.PURCHASE_REFUNDED);
			add(reasons, on, Condition.CHARGED_BACK, AccessReason.PURCHASE_CHARGED_BACK);
			add(reasons, on, Condition.SUBSCRIPTION_LAPSED, AccessReason.SUBSCRIPTION_INACTIVE);
			add(reasons, on, Condition.NOT_IN_GROUP, AccessReason.NOT_IN_GROUP);
			if (!on.contains(Condition.NOT_IN_GROUP)) {
				add(reasons, on, Condition.NOT_RELEASED, AccessReason.NOT_RELEASED_YET);
				add(reasons, on, Condition.EXPIRED, AccessReason.EXPIRED);
			}
		}
		add(reasons, on, Condition.UNPUBLISHED, AccessReason.UNPUBLISHED);
		add(reasons, on, Condition.MEDIA_UNAVAILABLE, AccessReason.MEDIA_UNAVAILABLE);
		add(reasons, on, Condition.PASSWORD, AccessReason.PASSWORD_REQUIRED);
		return reasons;
	}

	private static void add(List<AccessReason> reasons, List<Condition> on, Condition c, AccessReason r) {
		if (on.contains(c)) {
			reasons.add(r);
		}
	}

}
