package io.atrium.club.web.producer;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.atrium.accounts.ProducerTimeZones;
import io.atrium.accounts.SignedInAccount;
import io.atrium.catalog.Catalog;
import io.atrium.catalog.ProductSummary;
import io.atrium.club.ClubNotFound;
import io.atrium.club.ClubRefused;
import io.atrium.club.comments.Comment;
import io.atrium.club.comments.CommentModeration;
import io.atrium.club.comments.CommentModeration.ModeratedPage;
import io.atrium.club.comments.CommentThread;
import io.atrium.club.comments.Standing;
import io.atrium.club.comments.ThreadPage;
import io.atrium.club.groups.Group;
import io.atrium.club.groups.Groups;
import io.atrium.platform.Dates;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The conversations under one page, for the producer and the helpers they named: every
 * group's threads, newest first with replies oldest first, hidden ones too; reply, hide,
 * show again, mark answered, and (the producer only) delete. Anyone else gets 404. The
 * security configuration lets any signed-in account reach this address so helpers can;
 * {@link CommentModeration} checks who is asking on every request.
 */
@Controller
@RequestMapping("/business/products/{productId}/club/pages/{pageId}/comments")
class ProducerCommentsController {

	static final int STEP = 30;

	private final CommentModeration moderation;

	private final Catalog catalog;

	private final Groups groups;

	private final ProducerTimeZones zones;

	private final MessageSource messages;

	ProducerCommentsController(CommentModeration moderation, Catalog catalog, Groups groups, ProducerTimeZones zones,
			MessageSource messages) {
		this.messages = messages;
		this.moderation = moderation;
		this.catalog = catalog;
		this.groups = groups;
		this.zones = zones;
	}

	/**
	 * A comment as the team sees it.
	 *
	 * @param badgeKey message key of the author's "Producer" or "Team" badge, null for a
	 * student
	 */
	record CommentView(long id, String author, String badgeKey, String groupName, String body, boolean hidden,
			boolean answered, boolean reply, String writtenAt) {
	}

	/** A thread as the team sees it. */
	record ThreadView(CommentView comment, List<CommentView> replies) {
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long pageId,
			@RequestParam(name = "shown", defaultValue = "0") int shown, Model model, Locale locale) {
		ModeratedPage moderated = page(me, productId, pageId);
		ProductSummary product = this.catalog.product(productId).orElseThrow();
		Map<Long, String> groupNames = this.groups.of(product.producerAccountId(), productId)
			.stream()
			.collect(Collectors.toMap(Group::id, Group::name));
		ZoneId zone = this.zones.of(product.producerAccountId());
		int limit = Math.max(STEP, Math.min(shown, 500));
		ThreadPage threads = this.moderation.threads(id(me), pageId, limit);
		model.addAttribute("product", product);
		model.addAttribute("page", moderated.page());
		model.addAttribute("producer", moderated.standing() == Standing.PRODUCER);
		model.addAttribute("threads",
				threads.threads().stream().map((t) -> thread(t, groupNames, zone, locale)).toList());
		model.addAttribute("more", threads.more() && limit < 500);
		model.addAttribute("nextShown", limit + STEP);
		return "club/producer/comments";
	}

	@PostMapping("/{commentId}/reply")
	String reply(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long pageId,
			@PathVariable long commentId, @RequestParam(defaultValue = "") String body, Locale locale,
			RedirectAttributes redirect) {
		page(me, productId, pageId);
		try {
			Comment reply = this.moderation.reply(id(me), onPage(me, pageId, commentId), body);
			ProducerContentController.notice(redirect, "comments.team.replied", reply.authorName());
		}
		catch (ClubRefused ex) {
			redirect.addFlashAttribute("problem", this.messages.getMessage(ex.messageKey(), ex.args(), locale));
			redirect.addFlashAttribute("replyTo", commentId);
			redirect.addFlashAttribute("replyBody", body);
		}
		return back(productId, pageId, commentId);
	}

	@PostMapping("/{commentId}/hide")
	String hide(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long pageId,
			@PathVariable long commentId, @RequestParam(defaultValue = "true") boolean hidden,
			RedirectAttributes redirect) {
		page(me, productId, pageId);
		Comment comment = this.moderation.hide(id(me), onPage(me, pageId, commentId), hidden);
		ProducerContentController.notice(redirect,
				hidden ? "club.producer.comment.hidden" : "club.producer.comment.shown", comment.authorName());
		return back(productId, pageId, commentId);
	}

	@PostMapping("/{commentId}/answered")
	String answered(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@PathVariable long pageId, @PathVariable long commentId,
			@RequestParam(defaultValue = "true") boolean answered, RedirectAttributes redirect) {
		page(me, productId, pageId);
		Comment comment = this.moderation.answered(id(me), onPage(me, pageId, commentId), answered);
		ProducerContentController.notice(redirect,
				answered ? "comments.team.marked-answered" : "comments.team.marked-unanswered", comment.authorName());
		return back(productId, pageId, commentId);
	}

	@PostMapping("/{commentId}/delete")
	String delete(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long pageId,
			@PathVariable long commentId, RedirectAttributes redirect) {
		page(me, productId, pageId);
		Comment comment = this.moderation.delete(id(me), onPage(me, pageId, commentId));
		ProducerContentController.notice(redirect, "club.producer.comment.deleted", comment.authorName());
		return "redirect:/business/products/" + productId + "/club/pages/" + pageId + "/comments";
	}

	private long onPage(SignedInAccount me, long pageId, long commentId) {
		if (!this.moderation.onPage(id(me), pageId, commentId)) {
			throw new ClubNotFound("No comment " + commentId + " on page " + pageId + ".");
		}
		return commentId;
	}

	private ModeratedPage page(SignedInAccount me, long productId, long pageId) {
		ModeratedPage page = this.moderation.page(id(me), pageId);
		if (page.page().productId() != productId) {
			throw new ClubNotFound("No page " + pageId + " in product " + productId + ".");
		}
		return page;
	}

	private static ThreadView thread(CommentThread thread, Map<Long, String> groupNames, ZoneId zone, Locale locale) {
		return new ThreadView(view(thread.comment(), groupNames, zone, locale),
				thread.replies().stream().map((r) -> view(r, groupNames, zone, locale)).toList());
	}

	static CommentView view(Comment c, Map<Long, String> groupNames, ZoneId zone, Locale locale) {
		String badge = switch (c.author()) {
			case PRODUCER -> "comments.badge.producer";
			case TEAM -> "comments.badge.team";
			case STUDENT -> null;
		};
		return new CommentView(c.id(), c.authorName(), badge, groupNames.getOrDefault(c.groupId(), "?"), c.body(),
				c.hidden(), c.answered(), c.isReply(), Dates.show(c.createdAt(), zone, locale));
	}

	private static long id(SignedInAccount me) {
		return me.accountId().value();
	}

	private static String back(long productId, long pageId, long commentId) {
		return "redirect:/business/products/" + productId + "/club/pages/" + pageId + "/comments#comment-" + commentId;
	}

}
