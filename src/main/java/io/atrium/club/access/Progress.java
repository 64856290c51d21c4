package io.atrium.club.access;

import java.util.Collection;

/**
 * Completion of a course or module as the student sees it: only pages the student can
 * still reach count, so a page that expired for the student leaves both the completed and
 * the total figure (pages hidden from the student's group are never listed). Pages
 * released later still count: the student will reach them.
 *
 * @param completed reachable pages completed
 * @param total reachable pages
 */
public record Progress(int completed, int total) {

	/**
	 * @param lessons the pages the student sees, with their decisions
	 * @return the progress over those the student can still reach
	 */
	public static Progress of(Collection<LessonState> lessons) {
		int completed = 0;
		int total = 0;
		for (LessonState lesson : lessons) {
			if (reachable(lesson)) {
				total++;
				if (lesson.completed()) {
					completed++;
				}
			}
		}
		return new Progress(completed, total);
	}

	/**
	 * @param lesson a page the student sees
	 * @return whether the student can still open it, now or once released (it has not
	 * expired for them)
	 */
	public static boolean reachable(LessonState lesson) {
		return !lesson.decision().has(AccessReason.EXPIRED);
	}

	/**
	 * @return completion, 0 to 100, rounded down
	 */
	public int percent() {
		return percent(this.completed, this.total);
	}

	/**
	 * @param completed pages completed
	 * @param total pages in all
	 * @return the percentage, rounded down, 0 when there are no pages
	 */
	public static int percent(int completed, int total) {
		return (total == 0) ? 0 : (int) Math.min(100, (completed * 100L) / total);
	}

}
