package io.atrium.club.comments;

import java.util.List;

/**
 * A top-level comment with its replies, oldest reply first.
 *
 * @param comment the top-level comment
 * @param replies its replies the reader may see, oldest first
 */
public record CommentThread(Comment comment, List<Comment> replies) {

	public CommentThread {
		replies = List.copyOf(replies);
	}

}
