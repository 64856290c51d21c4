package io.atrium.club.comments;

import java.util.List;

import io.atrium.club.ClubNotFound;
import io.atrium.club.content.ClubContent;
import io.atrium.club.internal.CommentRows;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The producer's side of page comments: every group's comments under a page, hidden ones
 * too, and hiding, showing again or deleting one. Every method checks the producer owns
 * the page's product.
 */
@Service
public class CommentModeration {

	private final ClubContent content;

	private final CommentRows rows;

	CommentModeration(ClubContent content, CommentRows rows) {
		this.content = content;
		this.rows = rows;
	}

	/**
	 * @param producerAccountId the producer
	 * @param pageId the page's internal id
	 * @return every comment under the page, of every group, hidden ones too, oldest first
	 * @throws ClubNotFound when the page is not of one of the producer's products
	 */
	@Transactional
	public List<Comment> listAll(long producerAccountId, long pageId) {
		this.content.page(producerAccountId, pageId);
		return this.rows.ofPage(pageId);
	}

	/**
	 * Hides a comment from students, or shows it again.
	 * @param producerAccountId the producer
	 * @param commentId the comment
	 * @param hidden whether students stop seeing it
	 * @return the comment as saved
	 * @throws ClubNotFound when the comment is not under a page of the producer's
	 * products
	 */
	@Transactional
	public Comment hide(long producerAccountId, long commentId, boolean hidden) {
		Comment comment = own(producerAccountId, commentId);
		this.rows.setHidden(comment.id(), hidden);
		return this.rows.find(commentId).orElseThrow();
	}

	/**
	 * Deletes a comment for good.
	 * @param producerAccountId the producer
	 * @param commentId the comment
	 * @return the comment as it was
	 * @throws ClubNotFound when the comment is not under a page of the producer's
	 * products
	 */
	@Transactional
	public Comment delete(long producerAccountId, long commentId) {
		Comment comment = own(producerAccountId, commentId);
		this.rows.delete(commentId);
		return comment;
	}

	private Comment own(long producerAccountId, long commentId) {
		Comment comment = this.rows.find(commentId)
			.orElseThrow(() -> new ClubNotFound("No comment " + commentId + "."));
		this.content.page(producerAccountId, comment.pageId());
		return comment;
	}

}
