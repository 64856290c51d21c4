package io.atrium.club.comments;

import java.util.List;

/**
 * The first threads of a page, newest first, as far as a "show more" has asked.
 *
 * @param threads the threads shown
 * @param more whether older threads exist beyond these
 */
public record ThreadPage(List<CommentThread> threads, boolean more) {

	public ThreadPage {
		threads = List.copyOf(threads);
	}

}
