package io.atrium.club.access;

import java.time.Instant;

import io.atrium.club.content.ClubPage;

/**
 * A page as one student sees it in the course outline.
 *
 * @param page the page
 * @param decision whether the student can open it now and why not
 * @param completedAt when the student completed it, null if not
 */
public record LessonState(ClubPage page, AccessDecision decision, Instant completedAt) {

	/**
	 * @return whether the student completed it
	 */
	public boolean completed() {
		return this.completedAt != null;
	}

}
