package io.atrium.club.access;

import java.time.Instant;
import java.util.Map;

import io.atrium.club.ClubRefused;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Rules that could never open are refused with the field at fault and the reason.
 */
class RuleConsistencyTests {

	private static final Instant MARCH_1 = Instant.parse("2027-03-01T03:00:00Z");

	private static final Instant MARCH_10 = Instant.parse("2027-03-10T03:00:00Z");

	@Test
	void anExpiryOnOrBeforeTheReleaseDateIsRefused() {
		assertRefused(new ContentRule(true, Drip.onDate(MARCH_10), Expiration.onDate(MARCH_1)), "expiration.date",
				"rule.expiry-before-release");
		assertRefused(new ContentRule(true, Drip.onDate(MARCH_10), Expiration.onDate(MARCH_10)), "expiration.date",
				"rule.expiry-before-release");
		assertThatNoException().isThrownBy(
				() -> RuleConsistency.check(new ContentRule(true, Drip.onDate(MARCH_1), Expiration.onDate(MARCH_10))));
	}

	@Test
	void anExpiryInDaysNotAfterTheDripInDaysIsRefused() {
		assertRefused(new ContentRule(true, Drip.afterDays(10), Expiration.afterDays(5)), "expiration.days",
				"rule.expiry-days-before-release");
		assertRefused(new ContentRule(true, Drip.afterDays(10), Expiration.afterDays(10)), "expiration.days",
				"rule.expiry-days-before-release");
		assertThatNoException().isThrownBy(
				() -> RuleConsistency.check(new ContentRule(true, Drip.afterDays(10), Expiration.afterDays(11))));
	}

	@Test
	void rulesWhoseOrderDependsOnTheStudentAreKept() {
		assertThatNoException().isThrownBy(
				() -> RuleConsistency.check(new ContentRule(true, Drip.afterDays(400), Expiration.onDate(MARCH_1))));
		assertThatNoException()
			.isThrownBy(() -> RuleConsistency.check(new ContentRule(true, Drip.afterPage(7), Expiration.afterDays(1))));
	}

	@Test
	void negativeZeroAndHugeDayCountsAreRefusedWithTheirField() {
		assertThatThrownBy(() -> Drip.afterDays(-3)).isInstanceOfSatisfying(ClubRefused.class,
				(ex) -> assertThat(ex.field()).isEqualTo("drip.days"));
		assertThatThrownBy(() -> Drip.afterDays(0)).isInstanceOf(ClubRefused.class);
		assertThatThrownBy(() -> Expiration.afterDays(-1)).isInstanceOfSatisfying(ClubRefused.class,
				(ex) -> assertThat(ex.field()).isEqualTo("expiration.days"));
		assertThatThrownBy(() -> Expiration.afterDays(Drip.MAX_DAYS + 1)).isInstanceOf(ClubRefused.class);
		assertThatThrownBy(() -> new Drip(Drip.Kind.DATE, null, null, null)).isInstanceOfSatisfying(ClubRefused.class,
				(ex) -> assertThat(ex.field()).isEqualTo("drip.date"));
	}

	@Test
	void pagesThatWaitForEachOtherAreACycle() {
		assertThat(RuleConsistency.cycle(Map.of(1L, 2L, 2L, 3L))).isNull();
		assertThat(RuleConsistency.cycle(Map.of(1L, 1L))).isEqualTo(1L);
		assertThat(RuleConsistency.cycle(Map.of(1L, 2L, 2L, 3L, 3L, 1L))).isNotNull();
		assertThat(RuleConsistency.cycle(Map.of(4L, 1L, 1L, 2L, 2L, 1L))).isIn(1L, 2L);
		assertThatThrownBy(
				() -> RuleConsistency.checkCycles(Map.of(1L, 2L, 2L, 1L), Map.of(1L, "Intro", 2L, "Next"), 2L))
			.isInstanceOfSatisfying(ClubRefused.class, (ex) -> {
				assertThat(ex.code()).isEqualTo("rule.page-cycle");
				assertThat(ex.field()).isEqualTo("drip.after_page_id");
				assertThat(ex.getMessage()).startsWith("“Next” would wait");
			});
	}

	private static void assertRefused(ContentRule rule, String field, String code) {
		assertThatThrownBy(() -> RuleConsistency.check(rule)).isInstanceOfSatisfying(ClubRefused.class, (ex) -> {
			assertThat(ex.field()).isEqualTo(field);
			assertThat(ex.code()).isEqualTo(code);
		});
	}

}
