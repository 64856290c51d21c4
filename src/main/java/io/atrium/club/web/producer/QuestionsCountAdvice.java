package io.atrium.club.web.producer;

import io.atrium.accounts.SignedInAccount;
import io.atrium.club.comments.Questions;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives the producer's members-area pages the number of unanswered questions across their
 * courses, for the badge on the "Questions" tab ({@code club/producer/parts}). One count
 * over {@code club_comments_unanswered_ix} per page.
 */
@ControllerAdvice(assignableTypes = { ProducerContentController.class, ProducerPagesController.class,
		ProducerGroupsController.class, ProducerRulesController.class, ProducerCommentsController.class })
class QuestionsCountAdvice {

	private final Questions questions;

	QuestionsCountAdvice(Questions questions) {
		this.questions = questions;
	}

	@ModelAttribute("unansweredQuestions")
	Long unansweredQuestions(@AuthenticationPrincipal SignedInAccount me) {
		return (me != null) ? this.questions.count(me.accountId().value()) : null;
	}

}
