package io.atrium.club.web.student;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import io.atrium.club.comments.Comment;
import io.atrium.club.comments.CommentAuthor;
import io.atrium.club.comments.CommentThread;
import io.atrium.club.comments.Comments;
import io.atrium.club.comments.ThreadPage;
import io.atrium.platform.Dates;

import org.springframework.stereotype.Component;

/**
 * The comments under a lesson as the student's page shows them (fragment
 * {@code club/student/comments}): threads newest first, 20 at a time with "show older",
 * replies oldest first under each, the producer's and helpers' replies badged.
 */
@Component
class StudentCommentViews {

	/** Threads shown at first and added by each "show older comments". */
	static final int STEP = 20;

	/** The most threads one page shows, however far "show older" went. */
	static final int MOST = 500;

	private final Comments comments;

	StudentCommentViews(Comments comments) {
		this.comments = comments;
	}

	/**
	 * @param shown how many threads the reader asked for (clamped to 1..{@link #MOST})
	 */
	CommentsView of(long accountId, long pageId, int shown, ZoneId zone, Locale locale) {
		int limit = Math.max(STEP, Math.min(shown, MOST));
		ThreadPage page = this.comments.threads(accountId, pageId, limit);
		return new CommentsView(page.threads().stream().map((t) -> thread(t, zone, locale)).toList(),
				page.more() && limit < MOST, limit + STEP);
	}

	private static ThreadView thread(CommentThread thread, ZoneId zone, Locale locale) {
		return new ThreadView(line(thread.comment(), zone, locale),
				thread.replies().stream().map((r) -> line(r, zone, locale)).toList());
	}

	private static CommentLine line(Comment c, ZoneId zone, Locale locale) {
		return new CommentLine(c.id(), c.authorName(), badge(c.author()), StudentLessonController.paragraphs(c.body()),
				Dates.show(c.createdAt(), zone, locale));
	}

	/**
	 * @return the message key of the author's badge, null for a student
	 */
	static String badge(CommentAuthor author) {
		return switch (author) {
			case PRODUCER -> "comments.badge.producer";
			case TEAM -> "comments.badge.team";
			case STUDENT -> null;
		};
	}

	/**
	 * The comments part of a lesson.
	 *
	 * @param threads the threads shown, newest first
	 * @param more whether older threads exist
	 * @param nextShown how many threads "show older comments" asks for
	 */
	record CommentsView(List<ThreadView> threads, boolean more, int nextShown) {
	}

	/**
	 * A thread: the top-level comment and its replies, oldest first.
	 */
	record ThreadView(CommentLine comment, List<CommentLine> replies) {
	}

	/**
	 * A comment as the page shows it.
	 *
	 * @param badgeKey message key of the "Producer" or "Team" badge, null for a student
	 */
	record CommentLine(long id, String author, String badgeKey, List<String> paragraphs, String date) {
	}

}
