package io.atrium.club.access;

import java.time.Instant;

import io.atrium.club.content.ClubPage;

/**
 * A page as one student sees it in the course outline.
 *
 * @param page the page
 * @param decision whether the student can open it now and why not
 * @param completedAt when the student completed it, null if not
 * @param accessEndsAt when the open page closes again for the student (see
 * {@link AccessPolicy#accessEndsAt}), null when it does not or is closed
 */
public record LessonState(ClubPage page, AccessDecision decision, Instant completedAt, Instant accessEndsAt) {

	/**
	 * @return whether the student completed it
	 */
	public boolean completed() {
		return this.completedAt != null;
	}

	/**
	 * @return whether the student can open it now, or could by typing its password
	 */
	public boolean openable() {
		return this.decision.allowed() || this.decision.onlyNeedsPassword();
	}

}
