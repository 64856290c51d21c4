package io.atrium.club.comments;

import java.util.Optional;

/**
 * Who may see, reply to, hide and delete which comment, and who hears of a reply. Pure
 * functions over a reader's {@link Standing} and the comments involved; the services find
 * the facts and apply these.
 * <ul>
 * <li>The producer and their helpers (the team) see every group's comments, hidden ones
 * too.</li>
 * <li>A student sees a comment of their own group that is not hidden and whose thread
 * (its top-level comment) is not hidden: hiding a top-level comment hides its whole
 * thread.</li>
 * <li>Whoever sees a thread may reply to it, unless the thread is hidden (a reply there
 * would reach nobody). Replies attach to the top-level comment: one level.</li>
 * <li>The team hides and shows comments and marks questions answered; only the producer
 * deletes.</li>
 * <li>A reply by the team answers the question. A reply notifies the author of the
 * top-level comment, once, unless they wrote the reply themselves or the thread is
 * hidden; authors of other replies are not notified.</li>
 * </ul>
 */
public final class CommentRules {

	private CommentRules() {
	}

	/**
	 * @param reader what the reader is to the comment's product
	 * @param readerGroupId the student's current group (ignored for the team)
	 * @param comment the comment
	 * @param thread its top-level comment (the comment itself when it is top-level)
	 * @return whether the reader sees the comment
	 */
	public static boolean sees(Standing reader, long readerGroupId, Comment comment, Comment thread) {
		return switch (reader) {
			case PRODUCER, TEAM -> true;
			case STUDENT -> comment.groupId() == readerGroupId && !comment.hidden() && !thread.hidden();
			case OUTSIDER -> false;
		};
	}

	/**
	 * Why a reply is refused, or empty when it is allowed.
	 * @param reader what the reader is to the thread's product
	 * @param readerGroupId the student's current group (ignored for the team)
	 * @param thread the top-level comment replied to
	 * @return {@link Refusal#NOT_FOUND} when the reader does not see the thread,
	 * {@link Refusal#HIDDEN} when the thread is hidden, otherwise empty
	 */
	public static Optional<Refusal> reply(Standing reader, long readerGroupId, Comment thread) {
		if (!sees(reader, readerGroupId, thread, thread)) {
			return Optional.of(Refusal.NOT_FOUND);
		}
		return thread.hidden() ? Optional.of(Refusal.HIDDEN) : Optional.empty();
	}

	/**
	 * @return whether the reader may hide or show comments and mark questions answered
	 */
	public static boolean moderates(Standing reader) {
		return reader.isTeam();
	}

	/**
	 * @return whether the reader may delete comments (the producer only)
	 */
	public static boolean deletes(Standing reader) {
		return reader == Standing.PRODUCER;
	}

	/**
	 * @param replier what the replier is to the product
	 * @return whether their reply answers the question
	 */
	public static boolean answers(Standing replier) {
		return replier.isTeam();
	}

	/**
	 * @param thread the top-level comment replied to
	 * @param replierAccountId who replied
	 * @return the account to notify by e-mail: the thread's author, unless they replied
	 * themselves or the thread is hidden
	 */
	public static Optional<Long> notify(Comment thread, long replierAccountId) {
		if (thread.hidden() || thread.accountId() == replierAccountId) {
			return Optional.empty();
		}
		return Optional.of(thread.accountId());
	}

	/**
	 * @param standing the replier's standing (producer or team)
	 * @return the badge of their comments
	 */
	public static CommentAuthor author(Standing standing) {
		return switch (standing) {
			case PRODUCER -> CommentAuthor.PRODUCER;
			case TEAM -> CommentAuthor.TEAM;
			default -> CommentAuthor.STUDENT;
		};
	}

	/**
	 * Why a reply is refused.
	 */
	public enum Refusal {

		/** The reader does not see the thread: answered as if it did not exist. */
		NOT_FOUND,

		/** The thread is hidden from students. */
		HIDDEN

	}

}
