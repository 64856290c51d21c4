package io.atrium.club.access;

import java.util.List;

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
 * @param enrollment the student's enrolment
 * @param enrollmentDecision the reasons that close the whole product (blocked, ended...),
 * empty when the student has access
 * @param modules the modules the student sees
 */
public record StudentCourse(ClubArea area, long productId, String productName, Enrollment enrollment,
		AccessDecision enrollmentDecision, List<Module> modules) {

	/**
	 * @return pages completed, over every module
	 */
	public int completed() {
		return this.modules.stream().mapToInt(Module::completed).sum();
	}

	/**
	 * @return pages the student sees, over every module
	 */
	public int total() {
		return this.modules.stream().mapToInt((m) -> m.lessons().size()).sum();
	}

	/**
	 * @return completion, 0 to 100
	 */
	public int percent() {
		return Progress.percent(completed(), total());
	}

	/**
	 * A module with the student's lessons.
	 *
	 * @param module the module
	 * @param lessons its pages the student sees
	 */
	public record Module(ClubModule module, List<LessonState> lessons) {

		/**
		 * @return pages completed
		 */
		public int completed() {
			return (int) this.lessons.stream().filter(LessonState::completed).count();
		}

		/**
		 * @return completion, 0 to 100
		 */
		public int percent() {
			return Progress.percent(completed(), this.lessons.size());
		}

	}

}
