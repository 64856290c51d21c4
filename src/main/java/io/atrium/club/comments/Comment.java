package io.atrium.club.comments;

import java.time.Instant;

/**
 * A comment under a page. Students see and write the comments of their own group; the
 * producer sees every group's and can hide or delete them.
 *
 * @param id the comment's id
 * @param pageId the page's internal id
 * @param groupId the group of the student when they wrote it
 * @param accountId the author
 * @param authorName the author's name when they wrote it
 * @param body the text, 1 to 2000 characters
 * @param hidden whether the producer hid it from students
 * @param createdAt when it was written
 */
public record Comment(long id, long pageId, long groupId, long accountId, String authorName, String body,
		boolean hidden, Instant createdAt) {
}
