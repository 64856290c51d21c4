package io.atrium.club.comments;

import java.time.Instant;

/**
 * A comment under a page: a top-level comment (a question, usually) or a reply to one.
 * Students see and write the comments of their own group; the producer and the helpers
 * they name see every group's, reply, and hide them.
 *
 * @param id the comment's id
 * @param pageId the page's internal id
 * @param productId the page's product
 * @param parentId the top-level comment this replies to, null for a top-level comment
 * @param groupId the group the thread belongs to (the student's group when the thread
 * started)
 * @param accountId the author
 * @param authorName the author's name when they wrote it
 * @param author whether a student, the producer or a helper wrote it
 * @param body the text, 1 to 2000 characters
 * @param hidden whether the producer or a helper hid it from students
 * @param answered for a top-level comment, whether the producer or a helper replied or
 * marked it answered; always true for a reply
 * @param createdAt when it was written
 */
public record Comment(long id, long pageId, long productId, Long parentId, long groupId, long accountId,
		String authorName, CommentAuthor author, String body, boolean hidden, boolean answered, Instant createdAt) {

	/**
	 * @return whether this is a reply (not a top-level comment)
	 */
	public boolean isReply() {
		return this.parentId != null;
	}

	/**
	 * @return the id of the thread: its own for a top-level comment, its parent's for a
	 * reply
	 */
	public long threadId() {
		return isReply() ? this.parentId : this.id;
	}

}
