package io.atrium.club.groups;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.atrium.club.access.SubscriptionRight;
import io.atrium.subscriptions.SubscriptionStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status the Users tab shows follows the student's subscriptions: active while one of
 * them grants access, overdue when none does and one has an unpaid charge, ended when
 * they were all cancelled or became inactive.
 */
class EnrollmentStatusTests {

	private static final Instant NOW = Instant.parse("2026-12-20T10:00:00Z");

	private static final Instant DUE = Instant.parse("2026-12-01T03:00:00Z");

	@Test
	void withoutSubscriptionsTheStatusIsAsBefore() {
		assertThat(student(PurchaseState.ACTIVE).status(NOW)).isEqualTo(StudentStatus.ACTIVE);
		assertThat(student(PurchaseState.REFUNDED).status(NOW)).isEqualTo(StudentStatus.ENDED);
	}

	@Test
	void activeWhileOneSubscriptionGrantsAccess() {
		assertThat(student(PurchaseState.ACTIVE, right(1, SubscriptionStatus.OVERDUE, false, null, DUE),
				right(2, SubscriptionStatus.ACTIVE, true, null, null))
			.status(NOW)).isEqualTo(StudentStatus.ACTIVE);
		assertThat(student(PurchaseState.ACTIVE,
				right(1, SubscriptionStatus.CANCELLED_BY_CUSTOMER, true, NOW.plus(Duration.ofDays(1)), null))
			.status(NOW)).isEqualTo(StudentStatus.ACTIVE);
	}

	@Test
	void overdueWhenNoneGrantsAccessAndOneIsUnpaid() {
		assertThat(student(PurchaseState.ACTIVE, right(1, SubscriptionStatus.DELAYED, false, null, DUE),
				right(2, SubscriptionStatus.CANCELLED_BY_CUSTOMER, true, NOW, null))
			.status(NOW)).isEqualTo(StudentStatus.OVERDUE);
	}

	@Test
	void endedWhenEverySubscriptionWasCancelledOrIsInactive() {
		assertThat(student(PurchaseState.ACTIVE,
				right(1, SubscriptionStatus.CANCELLED_BY_CUSTOMER, true, NOW.minusSeconds(1), null),
				right(2, SubscriptionStatus.INACTIVE, false, null, null))
			.status(NOW)).isEqualTo(StudentStatus.ENDED);
	}

	@Test
	void blockedStaysBlockedWhateverTheSubscriptions() {
		Enrollment e = student(PurchaseState.ACTIVE, right(1, SubscriptionStatus.OVERDUE, false, null, DUE));
		Enrollment blocked = new Enrollment(e.id(), e.publicId(), e.productId(), e.producerAccountId(), e.accountId(),
				e.email(), e.name(), e.groupId(), e.source(), e.startedAt(), null, true, e.purchaseId(),
				e.transaction(), e.purchaseState(), e.subscriptions(), null, null, 0, e.createdAt());
		assertThat(blocked.status(NOW)).isEqualTo(StudentStatus.BLOCKED);
	}

	private static SubscriptionRight right(long id, SubscriptionStatus status, boolean access, Instant accessUntil,
			Instant overdueSince) {
		return new SubscriptionRight(id, status, access, accessUntil, overdueSince);
	}

	private static Enrollment student(PurchaseState purchase, SubscriptionRight... rights) {
		Instant start = Instant.parse("2026-11-01T10:00:00Z");
		return new Enrollment(1, "abcdefghij", 10, 20, 30, "ana@example.com", "Ana", 5000, EnrollmentSource.BUYER,
				start, null, false, 40L, "HP1", purchase, List.of(rights), null, null, 0, start);
	}

}
