package io.atrium.club.comments;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import io.atrium.club.ClubNotFound;
import io.atrium.club.ClubRefused;
import io.atrium.club.access.ClubAccess;
import io.atrium.club.content.ClubPage;
import io.atrium.club.groups.Enrollment;
import io.atrium.club.internal.CommentRows;
import io.atrium.club.internal.ContentRows;
import io.atrium.club.internal.EnrollmentRows;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments under a page, as a student sees and writes them: only the comments of the
 * student's current group, and only on a page the student may open now (the producer's
 * side is {@code CommentModeration}).
 */
@Service
public class Comments {

	/** The longest comment. */
	public static final int MAX_LENGTH = 2000;

	private final ClubAccess access;

	private final ContentRows content;

	private final EnrollmentRows enrollments;

	private final CommentRows comments;

	private final Clock clock;

	Comments(ClubAccess access, ContentRows content, EnrollmentRows enrollments, CommentRows comments, Clock clock) {
		this.access = access;
		this.content = content;
		this.enrollments = enrollments;
		this.comments = comments;
		this.clock = clock;
	}

	/**
	 * @param accountId a student
	 * @param pageId a page's internal id
	 * @return the page's comments the student's current group sees (not hidden), oldest
	 * first; empty when the student is not enrolled in the page's product
	 */
	@Transactional(readOnly = true)
	public List<Comment> list(long accountId, long pageId) {
		return this.content.page(pageId)
			.flatMap((page) -> this.enrollments.of(page.productId(), accountId))
			.map((e) -> this.comments.visibleToGroup(pageId, e.groupId()))
			.orElse(List.of());
	}

	/**
	 * Posts a comment in the student's current group.
	 * @param accountId the student
	 * @param pageId the page's internal id
	 * @param body 1 to {@link #MAX_LENGTH} characters (surrounding blanks are dropped)
	 * @param unlockedPages pages whose password the student typed in this session
	 * @return the comment
	 * @throws ClubNotFound when there is no such page
	 * @throws ClubRefused when the student cannot open the page now, or the text is empty
	 * or too long (nothing is saved)
	 */
	@Transactional
	public Comment post(long accountId, long pageId, String body, Set<Long> unlockedPages) {
		ClubPage page = this.content.page(pageId).orElseThrow(() -> new ClubNotFound("No page " + pageId + "."));
		Enrollment e = this.enrollments.of(page.productId(), accountId).orElse(null);
		if (e == null || !this.access.decide(accountId, pageId, unlockedPages).allowed()) {
			throw new ClubRefused("pageId", "page.closed", "You cannot open this page now.");
		}
		String text = (body != null) ? body.strip() : "";
		if (text.isEmpty() || text.length() > MAX_LENGTH) {
			throw new ClubRefused("body", "comment.length", "A comment has 1 to 2000 characters.", MAX_LENGTH);
		}
		long id = this.comments.insert(pageId, e.groupId(), accountId, e.name(), text, this.clock.instant());
		return this.comments.find(id).orElseThrow();
	}

	/**
	 * Posts a comment on a page without a password (or whose password does not matter).
	 * @see #post(long, long, String, Set)
	 */
	@Transactional
	public Comment post(long accountId, long pageId, String body) {
		return post(accountId, pageId, body, Set.of());
	}

}
