package io.atrium.club.comments;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.atrium.accounts.AccountId;
import io.atrium.accounts.Accounts;
import io.atrium.catalog.Catalog;
import io.atrium.catalog.ProductSummary;
import io.atrium.club.content.ClubAreas;
import io.atrium.club.content.ClubPage;
import io.atrium.notifications.Mailer;
import io.atrium.notifications.OutgoingMail;
import io.atrium.platform.BaseUrl;

import org.springframework.stereotype.Component;

/**
 * The e-mail to the author of a comment when someone replies to it, queued in the reply's
 * transaction (it leaves after commit, through the outbox), in the author's language,
 * with a link to the lesson's comments.
 */
@Component
class CommentMails {

	private final Accounts accounts;

	private final Catalog catalog;

	private final ClubAreas areas;

	private final Mailer mailer;

	private final BaseUrl baseUrl;

	CommentMails(Accounts accounts, Catalog catalog, ClubAreas areas, Mailer mailer, BaseUrl baseUrl) {
		this.accounts = accounts;
		this.catalog = catalog;
		this.areas = areas;
		this.mailer = mailer;
		this.baseUrl = baseUrl;
	}

	/**
	 * Queues the e-mail {@link CommentRules#notify} asks for, if any.
	 * @param thread the top-level comment replied to
	 * @param reply the reply
	 * @param page the page they are under
	 */
	void replied(Comment thread, Comment reply, ClubPage page) {
		CommentRules.notify(thread, reply.accountId())
			.flatMap((author) -> this.accounts.find(new AccountId(author)))
			.ifPresent((author) -> {
				ProductSummary product = this.catalog.product(page.productId()).orElseThrow();
				String lessonUrl = this.baseUrl.link(this.areas.of(product.producerAccountId()).path() + "/pages/"
						+ page.publicId() + "#comment-" + thread.id());
				Map<String, Object> variables = new HashMap<>();
				variables.put("studentName", author.name());
				variables.put("replierName", reply.authorName());
				variables.put("team", reply.author() != CommentAuthor.STUDENT);
				variables.put("lessonName", page.name());
				variables.put("productName", product.name());
				variables.put("question", thread.body());
				variables.put("reply", reply.body());
				variables.put("lessonUrl", lessonUrl);
				this.mailer.enqueue(new OutgoingMail(author.email(), author.locale(), "comments.mail.reply.subject",
						List.of(page.name()), "club/mail/comment-reply", variables));
			});
	}

}
