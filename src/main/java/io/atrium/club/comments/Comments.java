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
 * Comments under a page, as a student sees and writes them: the threads of the student's
 * current group (newest first, replies oldest first, hidden ones left out), and new
 * comments and replies, only on a page the student may open now. The producer's and
 * helpers' side is {@link CommentModeration}; the rules are {@link CommentRules}.
 */
@Service
public class Comments {

	/** The longest comment. */
	public static final int MAX_LENGTH = 2000;

	private final ClubAccess access;

	private final ContentRows content;

	private final EnrollmentRows enrollments;

	private final CommentRows comments;

	private final CommentMails mails;

	private final Clock clock;

	Comments(ClubAccess access, ContentRows content, EnrollmentRows enrollments, CommentRows comments,
			CommentMails mails, Clock clock) {
		this.access = access;
		this.content = content;
		this.enrollments = enrollments;
		this.comments = comments;
		this.mails = mails;
		this.clock = clock;
	}

	/**
	 * @param accountId a student
	 * @param pageId a page's internal id
	 * @param limit how many threads at most
	 * @return the newest threads the student's current group sees; empty when the student
	 * is not enrolled in the page's product
	 */
	@Transactional(readOnly = true)
	public ThreadPage threads(long accountId, long pageId, int limit) {
		return this.content.page(pageId)
			.flatMap((page) -> this.enrollments.of(page.productId(), accountId))
			.map((e) -> Threads.of(this.comments, this.comments.threadsOfGroup(pageId, e.groupId(), limit + 1), limit,
					true))
			.orElse(new ThreadPage(List.of(), false));
	}

	/**
	 * Posts a top-level comment in the student's current group.
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
		ClubPage page = page(pageId);
		Enrollment e = enrollment(accountId, page, unlockedPages);
		String text = text(body);
		long id = this.comments.insert(pageId, page.productId(), e.producerAccountId(), null, e.groupId(), accountId,
				e.name(), CommentAuthor.STUDENT, text, this.clock.instant());
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

	/**
	 * Replies to a thread of the student's group; the thread's author hears of it by
	 * e-mail after commit (see {@link CommentRules#notify}).
	 * @param accountId the student
	 * @param pageId the page's internal id
	 * @param commentId the top-level comment replied to (a reply's id means its thread)
	 * @param body 1 to {@link #MAX_LENGTH} characters
	 * @param unlockedPages pages whose password the student typed in this session
	 * @return the reply
	 * @throws ClubNotFound when there is no such page, or no such thread the student sees
	 * on it
	 * @throws ClubRefused when the student cannot open the page now, the thread is
	 * hidden, or the text is empty or too long (nothing is saved)
	 */
	@Transactional
	public Comment reply(long accountId, long pageId, long commentId, String body, Set<Long> unlockedPages) {
		ClubPage page = page(pageId);
		Enrollment e = enrollment(accountId, page, unlockedPages);
		Comment thread = Threads.thread(this.comments, commentId)
			.filter((c) -> c.pageId() == pageId)
			.orElseThrow(() -> new ClubNotFound("No comment " + commentId + " on page " + pageId + "."));
		Threads.check(CommentRules.reply(Standing.STUDENT, e.groupId(), thread), commentId);
		String text = text(body);
		long id = this.comments.insert(pageId, page.productId(), e.producerAccountId(), thread.id(), thread.groupId(),
				accountId, e.name(), CommentAuthor.STUDENT, text, this.clock.instant());
		Comment reply = this.comments.find(id).orElseThrow();
		this.mails.replied(thread, reply, page);
		return reply;
	}

	private ClubPage page(long pageId) {
		return this.content.page(pageId).orElseThrow(() -> new ClubNotFound("No page " + pageId + "."));
	}

	private Enrollment enrollment(long accountId, ClubPage page, Set<Long> unlockedPages) {
		Enrollment e = this.enrollments.of(page.productId(), accountId).orElse(null);
		if (e == null || !this.access.decide(accountId, page.id(), unlockedPages).allowed()) {
			throw new ClubRefused("pageId", "page.closed", "You cannot open this page now.");
		}
		return e;
	}

	static String text(String body) {
		String text = (body != null) ? body.strip() : "";
		if (text.isEmpty() || text.length() > MAX_LENGTH) {
			throw new ClubRefused("body", "comment.length", "A comment has 1 to 2000 characters.", MAX_LENGTH);
		}
		return text;
	}

}
