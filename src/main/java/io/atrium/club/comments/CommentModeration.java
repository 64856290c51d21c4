package io.atrium.club.comments;

import java.time.Clock;

import io.atrium.accounts.AccountId;
import io.atrium.accounts.Accounts;
import io.atrium.club.ClubNotFound;
import io.atrium.club.content.ClubPage;
import io.atrium.club.internal.CommentRows;
import io.atrium.club.internal.ContentRows;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The team's side of page comments: the producer and the helpers they named see every
 * group's threads under a page, hidden ones too, reply (marked "Producer" or "Team"),
 * hide or show comments, mark questions answered; only the producer deletes. Every method
 * checks who is asking against the comment's product ({@link CommentTeam}): anyone else
 * gets {@link ClubNotFound}, as if the comment did not exist.
 */
@Service
public class CommentModeration {

	private static final int NAME_LENGTH = 100;

	private final ContentRows content;

	private final CommentRows rows;

	private final CommentTeam team;

	private final CommentMails mails;

	private final Accounts accounts;

	private final Clock clock;

	CommentModeration(ContentRows content, CommentRows rows, CommentTeam team, CommentMails mails, Accounts accounts,
			Clock clock) {
		this.content = content;
		this.rows = rows;
		this.team = team;
		this.mails = mails;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * @param accountId the producer or a helper
	 * @param pageId the page's internal id
	 * @return the page, with the asker's standing
	 * @throws ClubNotFound when there is no such page or the asker is not its product's
	 * producer or helper
	 */
	@Transactional(readOnly = true)
	public ModeratedPage page(long accountId, long pageId) {
		ClubPage page = this.content.page(pageId).orElseThrow(() -> new ClubNotFound("No page " + pageId + "."));
		return new ModeratedPage(page, standing(accountId, page.productId()));
	}

	/**
	 * @param accountId the producer or a helper
	 * @param pageId the page's internal id
	 * @param limit how many threads at most
	 * @return the page's newest threads of every group, hidden comments too
	 * @throws ClubNotFound as {@link #page}
	 */
	@Transactional(readOnly = true)
	public ThreadPage threads(long accountId, long pageId, int limit) {
		page(accountId, pageId);
		return Threads.of(this.rows, this.rows.threadsOfPage(pageId, limit + 1), limit, false);
	}

	/**
	 * @param accountId the producer or a helper
	 * @return whether the comment exists under the page and the asker moderates it
	 */
	@Transactional(readOnly = true)
	public boolean onPage(long accountId, long pageId, long commentId) {
		return this.rows.find(commentId)
			.filter((c) -> c.pageId() == pageId)
			.filter((c) -> CommentRules.moderates(this.team.standing(accountId, c.productId())))
			.isPresent();
	}

	/**
	 * Replies to a thread as the producer or a helper; the question counts as answered
	 * and its author hears of it by e-mail after commit (unless the thread is hidden).
	 * @param accountId the producer or a helper
	 * @param commentId the top-level comment (a reply's id means its thread)
	 * @param body 1 to {@link Comments#MAX_LENGTH} characters
	 * @return the reply
	 * @throws ClubNotFound when there is no such comment or the asker is not its
	 * product's producer or helper
	 * @throws io.atrium.club.ClubRefused when the thread is hidden or the text is empty
	 * or too long
	 */
	@Transactional
	public Comment reply(long accountId, long commentId, String body) {
		Comment thread = Threads.thread(this.rows, commentId)
			.orElseThrow(() -> new ClubNotFound("No comment " + commentId + "."));
		Standing standing = standing(accountId, thread.productId());
		Threads.check(CommentRules.reply(standing, thread.groupId(), thread), commentId);
		String text = Comments.text(body);
		String name = this.accounts.find(new AccountId(accountId)).map(Accounts.AccountSummary::name).orElse("?");
		long producer = (standing == Standing.PRODUCER) ? accountId : this.team.producerOf(thread.productId());
		long id = this.rows.insert(thread.pageId(), thread.productId(), producer, thread.id(), thread.groupId(),
				accountId, (name.length() > NAME_LENGTH) ? name.substring(0, NAME_LENGTH) : name,
				CommentRules.author(standing), text, this.clock.instant());
		if (CommentRules.answers(standing)) {
			this.rows.setAnswered(thread.id(), true);
		}
		Comment reply = this.rows.find(id).orElseThrow();
		this.mails.replied(thread, reply, this.content.page(thread.pageId()).orElseThrow());
		return reply;
	}

	/**
	 * Hides a comment from students (a top-level one hides its whole thread), or shows it
	 * again.
	 * @param accountId the producer or a helper
	 * @param commentId the comment
	 * @param hidden whether students stop seeing it
	 * @return the comment as saved
	 * @throws ClubNotFound when there is no such comment or the asker may not moderate it
	 */
	@Transactional
	public Comment hide(long accountId, long commentId, boolean hidden) {
		Comment comment = moderated(accountId, commentId);
		this.rows.setHidden(comment.id(), hidden);
		return this.rows.find(commentId).orElseThrow();
	}

	/**
	 * Marks a question answered (it leaves the unanswered list) without replying, or not.
	 * @param accountId the producer or a helper
	 * @param commentId a top-level comment
	 * @return the comment as saved
	 * @throws ClubNotFound when there is no such comment or the asker may not moderate it
	 */
	@Transactional
	public Comment answered(long accountId, long commentId, boolean answered) {
		Comment comment = moderated(accountId, commentId);
		this.rows.setAnswered(comment.threadId(), answered);
		return this.rows.find(comment.threadId()).orElseThrow();
	}

	/**
	 * Deletes a comment for good, a top-level one with its replies. The producer only.
	 * @param accountId the producer
	 * @param commentId the comment
	 * @return the comment as it was
	 * @throws ClubNotFound when there is no such comment or the asker is not its
	 * product's producer
	 */
	@Transactional
	public Comment delete(long accountId, long commentId) {
		Comment comment = this.rows.find(commentId)
			.orElseThrow(() -> new ClubNotFound("No comment " + commentId + "."));
		if (!CommentRules.deletes(this.team.standing(accountId, comment.productId()))) {
			throw new ClubNotFound("No comment " + commentId + " of account " + accountId + ".");
		}
		this.rows.delete(commentId);
		return comment;
	}

	private Comment moderated(long accountId, long commentId) {
		Comment comment = this.rows.find(commentId)
			.orElseThrow(() -> new ClubNotFound("No comment " + commentId + "."));
		standing(accountId, comment.productId());
		return comment;
	}

	private Standing standing(long accountId, long productId) {
		Standing standing = this.team.standing(accountId, productId);
		if (!CommentRules.moderates(standing)) {
			throw new ClubNotFound("Account " + accountId + " does not moderate product " + productId + ".");
		}
		return standing;
	}

	/**
	 * A page as its moderator sees it.
	 *
	 * @param page the page
	 * @param standing the asker: {@link Standing#PRODUCER} or {@link Standing#TEAM}
	 */
	public record ModeratedPage(ClubPage page, Standing standing) {
	}

}
