package io.atrium.club.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.atrium.club.content.ClubArea;
import io.atrium.club.content.ClubModule;
import io.atrium.club.groups.Enrollment;

/**
 * A product's members area as one student sees it: the modules and pages their group sees
 * (published ones only), each with its decision and progress.
 *
 * @param area the producer's area
 * @param productId the product
 * @param productName its name
 * @param coverUrl the product's image (its catalog image) as the course cover, null when
 * it has none
 * @param enrollment the student's enrolment
 * @param enrollmentDecision the reasons that close the whole product (blocked, ended...),
 * empty when the student has access
 * @param accessEndsAt when the student's access to the whole product ends (access period,
 * cancelled subscription), null when it does not or already ended
 * @param lastPageId the page the student opened last, null when none yet
 * @param modules the modules the student sees
 */
public record StudentCourse(ClubArea area, long productId, String productName, String coverUrl, Enrollment enrollment,
		AccessDecision enrollmentDecision, Instant accessEndsAt, Long lastPageId, List<Module> modules) {

	/**
	 * @return the progress over every module, counting only pages the student can still
	 * reach ({@link Progress})
	 */
	public Progress progress() {
		return Progress.of(lessons());
	}

	/**
	 * @return reachable pages completed, over every module
	 */
	public int completed() {
		return progress().completed();
	}

	/**
	 * @return reachable pages, over every module
	 */
	public int total() {
		return progress().total();
	}

	/**
	 * @return completion, 0 to 100
	 */
	public int percent() {
		return progress().percent();
	}

	/**
	 * @return every page the student sees, in outline order
	 */
	public List<LessonState> lessons() {
		return this.modules.stream().flatMap((m) -> m.lessons().stream()).toList();
	}

	/**
	 * "Continue where you left off": the page opened last when the student can still open
	 * it, otherwise the first page they can open and have not completed, otherwise the
	 * first they can open.
	 * @return the page to continue with, empty when no page opens
	 */
	public Optional<LessonState> continueWith() {
		List<LessonState> all = lessons();
		return all.stream()
			.filter((l) -> this.lastPageId != null && l.page().id() == this.lastPageId && l.openable())
			.findFirst()
			.or(() -> all.stream().filter((l) -> l.openable() && !l.completed()).findFirst())
			.or(() -> all.stream().filter(LessonState::openable).findFirst());
	}

	/**
	 * @param pageId a page of the outline
	 * @return the nearest page before it the student can open (or unlock with its
	 * password), skipping closed ones; empty when there is none
	 */
	public Optional<LessonState> previousOpenable(long pageId) {
		List<LessonState> all = lessons();
		for (int i = indexOf(all, pageId) - 1; i >= 0; i--) {
			if (all.get(i).openable()) {
				return Optional.of(all.get(i));
			}
		}
		return Optional.empty();
	}

	/**
	 * @param pageId a page of the outline
	 * @return the nearest page after it the student can open (or unlock with its
	 * password), skipping closed ones; empty when there is none
	 */
	public Optional<LessonState> nextOpenable(long pageId) {
		List<LessonState> all = lessons();
		int at = indexOf(all, pageId);
		if (at < 0) {
			return Optional.empty();
		}
		for (int i = at + 1; i < all.size(); i++) {
			if (all.get(i).openable()) {
				return Optional.of(all.get(i));
			}
		}
		return Optional.empty();
	}

	private static int indexOf(List<LessonState> all, long pageId) {
		for (int i = 0; i < all.size(); i++) {
			if (all.get(i).page().id() == pageId) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * A module with the student's lessons.
	 *
	 * @param module the module
	 * @param lessons its pages the student sees
	 */
	public record Module(ClubModule module, List<LessonState> lessons) {

		/**
		 * @return the module's progress over pages the student can still reach
		 */
		public Progress progress() {
			return Progress.of(this.lessons);
		}

		/**
		 * @return reachable pages completed
		 */
		public int completed() {
			return progress().completed();
		}

		/**
		 * @return completion, 0 to 100
		 */
		public int percent() {
			return progress().percent();
		}

	}

}
