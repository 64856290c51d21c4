package io.atrium.club.comments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.atrium.club.ClubNotFound;
import io.atrium.club.ClubRefused;
import io.atrium.club.internal.CommentRows;

/**
 * Assembles threads from rows, shared by the student's and the team's side.
 */
final class Threads {

	private Threads() {
	}

	/**
	 * @param topLevel up to {@code limit + 1} top-level comments, newest first
	 * @return the first {@code limit} of them with their replies, and whether there were
	 * more
	 */
	static ThreadPage of(CommentRows rows, List<Comment> topLevel, int limit, boolean visibleRepliesOnly) {
		List<Comment> shown = topLevel.subList(0, Math.min(limit, topLevel.size()));
		Map<Long, List<Comment>> replies = new LinkedHashMap<>();
		shown.forEach((c) -> replies.put(c.id(), new ArrayList<>()));
		rows.replies(replies.keySet(), visibleRepliesOnly).forEach((r) -> replies.get(r.parentId()).add(r));
		return new ThreadPage(shown.stream().map((c) -> new CommentThread(c, replies.get(c.id()))).toList(),
				topLevel.size() > limit);
	}

	/**
	 * @return the top-level comment of a comment's thread
	 */
	static Optional<Comment> thread(CommentRows rows, long commentId) {
		return rows.find(commentId).flatMap((c) -> c.isReply() ? rows.find(c.parentId()) : Optional.of(c));
	}

	static void check(Optional<CommentRules.Refusal> refusal, long commentId) {
		refusal.ifPresent((r) -> {
			if (r == CommentRules.Refusal.NOT_FOUND) {
				throw new ClubNotFound("No comment " + commentId + ".");
			}
			throw new ClubRefused("commentId", "comment.thread-hidden", "This conversation is hidden.");
		});
	}

}
