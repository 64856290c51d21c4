package io.atrium.club.comments;

import java.util.List;

import io.atrium.club.internal.CommentRows;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unanswered questions across every course a producer or helper moderates: top-level
 * comments that are not hidden and that neither the producer nor a helper has replied to
 * or marked answered, newest first. One index range per product
 * ({@code club_comments_unanswered_ix}), so the list stays fast however many students
 * there are.
 */
@Service
public class Questions {

	private final CommentTeam team;

	private final CommentRows rows;

	Questions(CommentTeam team, CommentRows rows) {
		this.team = team;
		this.rows = rows;
	}

	/**
	 * @param accountId the producer or a helper
	 * @param productId only this product's questions, or null for all
	 * @param limit at most this many
	 * @param offset after skipping this many
	 * @return the questions, how many in all, and the products the asker moderates (empty
	 * for someone who is neither a producer nor a helper)
	 */
	@Transactional(readOnly = true)
	public QuestionList unanswered(long accountId, Long productId, int limit, int offset) {
		List<Long> products = this.team.moderatedProducts(accountId);
		List<Long> chosen = (productId == null) ? products
				: products.stream().filter((p) -> p.equals(productId)).toList();
		List<Question> questions = this.rows.unanswered(chosen, limit, offset)
			.stream()
			.map((q) -> new Question(q.comment(), q.pageName(), q.pagePublicId()))
			.toList();
		return new QuestionList(questions, this.rows.countUnanswered(chosen), products);
	}

	/**
	 * @param accountId the producer or a helper
	 * @return how many questions wait for an answer in every course they moderate
	 */
	@Transactional(readOnly = true)
	public long count(long accountId) {
		return this.rows.countUnanswered(this.team.moderatedProducts(accountId));
	}

	/**
	 * An unanswered question and where it was asked.
	 *
	 * @param comment the top-level comment
	 * @param pageName the lesson's name
	 * @param pagePublicId the lesson's public id
	 */
	public record Question(Comment comment, String pageName, String pagePublicId) {
	}

	/**
	 * A page of unanswered questions.
	 *
	 * @param questions the questions on this page, newest first
	 * @param total how many match in all
	 * @param products the members-area products the asker moderates
	 */
	public record QuestionList(List<Question> questions, long total, List<Long> products) {

		public QuestionList {
			questions = List.copyOf(questions);
			products = List.copyOf(products);
		}

	}

}
