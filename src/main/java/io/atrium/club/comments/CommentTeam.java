package io.atrium.club.comments;

import java.util.List;

import io.atrium.club.internal.CommentHelperRows;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who moderates the comments of which product: the producer who owns it and the helpers
 * they named for it or for all their products. Asked on every moderation request.
 */
@Service
public class CommentTeam {

	private final CommentHelperRows rows;

	CommentTeam(CommentHelperRows rows) {
		this.rows = rows;
	}

	/**
	 * @param productId a members-area product
	 * @return its producer
	 * @throws java.util.NoSuchElementException when the product has no members area
	 */
	@Transactional(readOnly = true)
	public long producerOf(long productId) {
		return this.rows.producerOf(productId).orElseThrow();
	}

	/**
	 * @param accountId who is asking
	 * @param productId a members-area product
	 * @return {@link Standing#PRODUCER}, {@link Standing#TEAM} or
	 * {@link Standing#OUTSIDER} (students are told apart by their enrolment elsewhere)
	 */
	@Transactional(readOnly = true)
	public Standing standing(long accountId, long productId) {
		Long producer = this.rows.producerOf(productId).orElse(null);
		if (producer == null) {
			return Standing.OUTSIDER;
		}
		if (producer == accountId) {
			return Standing.PRODUCER;
		}
		return this.rows.helps(producer, accountId, productId) ? Standing.TEAM : Standing.OUTSIDER;
	}

	/**
	 * @param accountId who is asking
	 * @return the members-area products whose comments they moderate: their own and those
	 * they help with; empty for a person who is neither a producer nor a helper
	 */
	@Transactional(readOnly = true)
	public List<Long> moderatedProducts(long accountId) {
		return this.rows.moderatedProducts(accountId);
	}

}
