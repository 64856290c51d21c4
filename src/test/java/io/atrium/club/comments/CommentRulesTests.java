package io.atrium.club.comments;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of who sees, replies to, hides and deletes which comment, and who hears of a
 * reply, read like the rules themselves.
 */
class CommentRulesTests {

	static final long GROUP = 10;

	static final long OTHER_GROUP = 11;

	static final long ANA = 1;

	static final long BRUNO = 2;

	static Comment question(long author, long group, boolean hidden) {
		return new Comment(100, 5, 7, null, group, author, "Ana", CommentAuthor.STUDENT, "Why?", hidden, false,
				Instant.EPOCH);
	}

	static Comment reply(Comment thread, long author, CommentAuthor role, boolean hidden) {
		return new Comment(101, thread.pageId(), thread.productId(), thread.id(), thread.groupId(), author, "Someone",
				role, "Because.", hidden, true, Instant.EPOCH);
	}

	@Test
	void aStudentSeesTheVisibleThreadsOfTheirOwnGroupOnly() {
		Comment visible = question(ANA, GROUP, false);
		assertThat(CommentRules.sees(Standing.STUDENT, GROUP, visible, visible)).isTrue();
		assertThat(CommentRules.sees(Standing.STUDENT, OTHER_GROUP, visible, visible)).isFalse();
		Comment hidden = question(ANA, GROUP, true);
		assertThat(CommentRules.sees(Standing.STUDENT, GROUP, hidden, hidden)).isFalse();
		assertThat(CommentRules.sees(Standing.OUTSIDER, GROUP, visible, visible)).isFalse();
	}

	@Test
	void hidingATopLevelCommentHidesItsWholeThreadFromStudents() {
		Comment hidden = question(ANA, GROUP, true);
		Comment answer = reply(hidden, BRUNO, CommentAuthor.PRODUCER, false);
		assertThat(CommentRules.sees(Standing.STUDENT, GROUP, answer, hidden)).isFalse();
		Comment visible = question(ANA, GROUP, false);
		assertThat(
				CommentRules.sees(Standing.STUDENT, GROUP, reply(visible, BRUNO, CommentAuthor.STUDENT, true), visible))
			.as("a hidden reply under a visible thread")
			.isFalse();
		assertThat(CommentRules.sees(Standing.STUDENT, GROUP, reply(visible, BRUNO, CommentAuthor.STUDENT, false),
				visible))
			.isTrue();
	}

	@Test
	void theProducerAndHelpersSeeEveryGroupsCommentsHiddenOnesToo() {
		Comment hidden = question(ANA, OTHER_GROUP, true);
		assertThat(CommentRules.sees(Standing.PRODUCER, GROUP, hidden, hidden)).isTrue();
		assertThat(CommentRules.sees(Standing.TEAM, GROUP, hidden, hidden)).isTrue();
	}

	@Test
	void whoeverSeesAThreadRepliesUnlessItIsHidden() {
		Comment visible = question(ANA, GROUP, false);
		assertThat(CommentRules.reply(Standing.STUDENT, GROUP, visible)).isEmpty();
		assertThat(CommentRules.reply(Standing.TEAM, OTHER_GROUP, visible)).isEmpty();
		assertThat(CommentRules.reply(Standing.PRODUCER, OTHER_GROUP, visible)).isEmpty();
		assertThat(CommentRules.reply(Standing.STUDENT, OTHER_GROUP, visible)).contains(CommentRules.Refusal.NOT_FOUND);
		assertThat(CommentRules.reply(Standing.OUTSIDER, GROUP, visible)).contains(CommentRules.Refusal.NOT_FOUND);
		Comment hidden = question(ANA, GROUP, true);
		assertThat(CommentRules.reply(Standing.PRODUCER, GROUP, hidden)).contains(CommentRules.Refusal.HIDDEN);
		assertThat(CommentRules.reply(Standing.STUDENT, GROUP, hidden)).contains(CommentRules.Refusal.NOT_FOUND);
	}

	@Test
	void theTeamHidesAndMarksAnsweredButOnlyTheProducerDeletes() {
		assertThat(CommentRules.moderates(Standing.PRODUCER)).isTrue();
		assertThat(CommentRules.moderates(Standing.TEAM)).isTrue();
		assertThat(CommentRules.moderates(Standing.STUDENT)).isFalse();
		assertThat(CommentRules.moderates(Standing.OUTSIDER)).isFalse();
		assertThat(CommentRules.deletes(Standing.PRODUCER)).isTrue();
		assertThat(CommentRules.deletes(Standing.TEAM)).isFalse();
		assertThat(CommentRules.deletes(Standing.STUDENT)).isFalse();
	}

	@Test
	void aTeamReplyAnswersTheQuestionAndIsBadged() {
		assertThat(CommentRules.answers(Standing.PRODUCER)).isTrue();
		assertThat(CommentRules.answers(Standing.TEAM)).isTrue();
		assertThat(CommentRules.answers(Standing.STUDENT)).isFalse();
		assertThat(CommentRules.author(Standing.PRODUCER)).isEqualTo(CommentAuthor.PRODUCER);
		assertThat(CommentRules.author(Standing.TEAM)).isEqualTo(CommentAuthor.TEAM);
		assertThat(CommentRules.author(Standing.STUDENT)).isEqualTo(CommentAuthor.STUDENT);
	}

	@Test
	void aReplyNotifiesTheThreadsAuthorUnlessTheyWroteItOrTheThreadIsHidden() {
		Comment visible = question(ANA, GROUP, false);
		assertThat(CommentRules.notify(visible, BRUNO)).contains(ANA);
		assertThat(CommentRules.notify(visible, ANA)).as("replying to oneself").isEmpty();
		assertThat(CommentRules.notify(question(ANA, GROUP, true), BRUNO)).as("hidden thread").isEmpty();
	}

	@Test
	void aReplysThreadIsItsParent() {
		Comment thread = question(ANA, GROUP, false);
		assertThat(thread.threadId()).isEqualTo(100);
		assertThat(reply(thread, BRUNO, CommentAuthor.TEAM, false).threadId()).isEqualTo(100);
		assertThat(reply(thread, BRUNO, CommentAuthor.TEAM, false).isReply()).isTrue();
	}

}
