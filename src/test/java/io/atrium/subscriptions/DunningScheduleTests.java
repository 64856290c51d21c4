package io.atrium.subscriptions;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When a failed charge is retried and when the dunning window ends.
 */
class DunningScheduleTests {

	static final Instant DUE = Instant.parse("2027-03-10T03:00:00Z");

	static Instant days(int days) {
		return DUE.plus(Duration.ofDays(days));
	}

	@Test
	void byDefaultFourRetriesOverTenDaysWithAccessMeanwhile() {
		DunningSchedule d = DunningSchedule.DEFAULT;
		assertThat(d.retryDays()).containsExactly(1, 3, 3, 3);
		assertThat(d.graceWhileDelayed()).isTrue();
		assertThat(d.nextRetry(DUE, 1)).isEqualTo(days(1));
		assertThat(d.nextRetry(DUE, 2)).isEqualTo(days(4));
		assertThat(d.nextRetry(DUE, 3)).isEqualTo(days(7));
		assertThat(d.nextRetry(DUE, 4)).isEqualTo(days(10));
		assertThat(d.nextRetry(DUE, 5)).as("no fifth retry").isNull();
		assertThat(d.windowEnd(DUE)).isEqualTo(days(10));
	}

	@Test
	void retriesCountFromTheDueDateNotFromWhenTheyRan() {
		DunningSchedule d = new DunningSchedule(List.of(2, 5), false);
		assertThat(d.nextRetry(DUE, 1)).isEqualTo(days(2));
		assertThat(d.nextRetry(DUE, 2)).isEqualTo(days(7));
		assertThat(d.nextRetry(DUE, 3)).isNull();
		assertThat(d.windowEnd(DUE)).isEqualTo(days(7));
		assertThat(d.graceWhileDelayed()).isFalse();
	}

	@Test
	void noRetryBeforeAnyFailure() {
		assertThat(DunningSchedule.DEFAULT.nextRetry(DUE, 0)).isNull();
	}

	@Test
	void withoutRetriesTheWindowEndsAtTheDueDate() {
		DunningSchedule none = new DunningSchedule(List.of(), true);
		assertThat(none.nextRetry(DUE, 1)).isNull();
		assertThat(none.windowEnd(DUE)).isEqualTo(DUE);
		assertThat(none.retryDaysText()).isEmpty();
	}

	@Test
	void theProducerTypesTheRetriesAsDaysSeparatedByCommas() {
		assertThat(DunningSchedule.DEFAULT.retryDaysText()).isEqualTo("1,3,3,3");
		assertThat(SubscriptionRows.parseDays("1, 3,3 ,3")).containsExactly(1, 3, 3, 3);
		assertThat(SubscriptionRows.parseDays("")).isEmpty();
	}

	@Test
	void atMostEightRetriesOfOneToThirtyDays() {
		assertThat(new DunningSchedule(List.of(30, 30, 30, 30, 30, 30, 30, 30), true).windowEnd(DUE))
			.isEqualTo(days(240));
		assertThatThrownBy(() -> new DunningSchedule(List.of(1, 1, 1, 1, 1, 1, 1, 1, 1), true))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new DunningSchedule(List.of(0), true)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new DunningSchedule(List.of(31), true)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new DunningSchedule(Arrays.asList(1, null), true))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
