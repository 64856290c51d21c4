package io.atrium.club.access;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.atrium.club.access.AccessFacts.EnrollmentState;
import io.atrium.club.content.ClubArea;
import io.atrium.club.content.ClubModule;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.PageKind;
import io.atrium.club.groups.PurchaseState;
import io.atrium.subscriptions.SubscriptionStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the course player computes from the access decisions, with no Spring: progress
 * counts only lessons the student can still reach, "next" and "previous" skip lessons the
 * student cannot open, "continue" resumes the last lesson opened, and when open access
 * ends.
 */
class PlayerRulesTests {

	private static final Instant START = Instant.parse("2026-11-01T10:00:00Z");

	private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

	@Test
	void progressCountsOnlyLessonsTheStudentCanStillReach() {
		List<LessonState> lessons = List.of(lesson(1, open(), true), lesson(2, open(), false),
				lesson(3, expired(), true), lesson(4, expired(), false), lesson(5, releasedLater(), false));
		Progress p = Progress.of(lessons);
		// the expired ones leave both figures, done or not; the one released later counts
		assertThat(p).isEqualTo(new Progress(1, 3));
		assertThat(p.percent()).isEqualTo(33);
		assertThat(Progress.of(List.of(lesson(1, expired(), true))).percent()).isZero();
		assertThat(Progress.of(List.of()).percent()).isZero();
	}

	@Test
	void courseAndModuleProgressAgree() {
		StudentCourse course = course(null, lesson(1, open(), true), lesson(2, expired(), true),
				lesson(3, open(), false));
		assertThat(course.completed()).isEqualTo(1);
		assertThat(course.total()).isEqualTo(2);
		assertThat(course.percent()).isEqualTo(50);
		assertThat(course.modules().get(0).completed()).isEqualTo(1);
		assertThat(course.modules().get(0).percent()).isEqualTo(50);
	}

	@Test
	void nextAndPreviousSkipWhatTheStudentCannotOpen() {
		StudentCourse course = course(null, lesson(1, open(), false), lesson(2, releasedLater(), false),
				lesson(3, expired(), false), lesson(4, passwordOnly(), false), lesson(5, releasedLater(), false));
		assertThat(course.nextOpenable(1).map((l) -> l.page().id())).contains(4L);
		assertThat(course.previousOpenable(4).map((l) -> l.page().id())).contains(1L);
		assertThat(course.nextOpenable(4)).isEmpty();
		assertThat(course.previousOpenable(1)).isEmpty();
		// from a locked lesson the neighbours are still the nearest open ones
		assertThat(course.nextOpenable(2).map((l) -> l.page().id())).contains(4L);
		assertThat(course.previousOpenable(5).map((l) -> l.page().id())).contains(4L);
		assertThat(course.nextOpenable(99)).isEmpty();
	}

	@Test
	void continueResumesTheLastLessonOpenedWhileItStillOpens() {
		LessonState[] lessons = { lesson(1, open(), true), lesson(2, open(), false), lesson(3, open(), false),
				lesson(4, expired(), false) };
		assertThat(course(3L, lessons).continueWith().map((l) -> l.page().id())).contains(3L);
		// never opened anything: the first open lesson not done
		assertThat(course(null, lessons).continueWith().map((l) -> l.page().id())).contains(2L);
		// the last one opened has expired since: the first open lesson not done
		assertThat(course(4L, lessons).continueWith().map((l) -> l.page().id())).contains(2L);
		// all done: the first open one
		assertThat(
				course(null, lesson(1, open(), true), lesson(2, open(), true)).continueWith().map((l) -> l.page().id()))
			.contains(1L);
		assertThat(course(null, lesson(1, releasedLater(), false)).continueWith()).isEmpty();
	}

	@Test
	void openAccessEndsAtTheEarliestOfPeriodSubscriptionAndExpiry() {
		ContentRule expiresIn5 = new ContentRule(true, Drip.IMMEDIATE, Expiration.afterDays(24));
		Instant expiry = START.plus(Duration.ofDays(24));
		assertThat(AccessPolicy.accessEndsAt(facts(state(null, List.of()), ContentRule.DEFAULT), NOW)).isNull();
		assertThat(AccessPolicy.accessEndsAt(facts(state(null, List.of()), expiresIn5), NOW)).isEqualTo(expiry);
		Instant periodEnd = NOW.plus(Duration.ofDays(2));
		assertThat(AccessPolicy.accessEndsAt(facts(state(periodEnd, List.of()), expiresIn5), NOW)).isEqualTo(periodEnd);
		// a cancelled subscription paid until a date ends access then...
		Instant paidUntil = NOW.plus(Duration.ofDays(3));
		SubscriptionRight cancelled = new SubscriptionRight(1, SubscriptionStatus.CANCELLED_BY_CUSTOMER, true,
				paidUntil, null);
		assertThat(AccessPolicy.accessEndsAt(facts(state(null, List.of(cancelled)), ContentRule.DEFAULT), NOW))
			.isEqualTo(paidUntil);
		// ...unless another subscription gives access without an end
		SubscriptionRight active = new SubscriptionRight(2, SubscriptionStatus.ACTIVE, true, null, null);
		assertThat(AccessPolicy.accessEndsAt(facts(state(null, List.of(cancelled, active)), ContentRule.DEFAULT), NOW))
			.isNull();
		// a closed page has no end to warn about
		ContentRule expired = new ContentRule(true, Drip.IMMEDIATE, Expiration.afterDays(2));
		assertThat(AccessPolicy.accessEndsAt(facts(state(null, List.of()), expired), NOW)).isNull();
	}

	private static EnrollmentState state(Instant accessEndsAt, List<SubscriptionRight> rights) {
		return new EnrollmentState(START, false, accessEndsAt, PurchaseState.ACTIVE, rights);
	}

	private static AccessFacts facts(EnrollmentState e, ContentRule rule) {
		return new AccessFacts(e, rule, null, true, true, false, false);
	}

	private static AccessDecision open() {
		return AccessPolicy.decide(facts(state(null, List.of()), ContentRule.DEFAULT), NOW);
	}

	private static AccessDecision expired() {
		return AccessPolicy
			.decide(facts(state(null, List.of()), new ContentRule(true, Drip.IMMEDIATE, Expiration.afterDays(2))), NOW);
	}

	private static AccessDecision releasedLater() {
		return AccessPolicy.decide(facts(state(null, List.of()),
				new ContentRule(true, Drip.onDate(NOW.plus(Duration.ofDays(3))), Expiration.NEVER)), NOW);
	}

	private static AccessDecision passwordOnly() {
		return AccessPolicy
			.decide(new AccessFacts(state(null, List.of()), ContentRule.DEFAULT, null, true, true, true, false), NOW);
	}

	private static LessonState lesson(long id, AccessDecision decision, boolean done) {
		ClubPage page = new ClubPage(id, "page" + id, 10, 1000000, "Lesson " + id, PageKind.TEXT, "", null, (int) id,
				true, false, null);
		return new LessonState(page, decision, done ? START : null, null);
	}

	private static StudentCourse course(Long lastPageId, LessonState... lessons) {
		ClubModule module = new ClubModule(10, "module10", 1000000, "Basics", 1, false, true, null);
		return new StudentCourse(new ClubArea(1, "bakery", "Bakery"), 1000000, "Sourdough", null, null, open(), null,
				lastPageId, List.of(new StudentCourse.Module(module, new ArrayList<>(List.of(lessons)))));
	}

}
