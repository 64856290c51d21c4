package io.atrium.club.web.producer;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.atrium.accounts.SignedInAccount;
import io.atrium.club.ClubNotFound;
import io.atrium.club.comments.Comment;
import io.atrium.club.comments.CommentModeration;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubPage;
import io.atrium.club.groups.Group;
import io.atrium.club.groups.Groups;

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
 * Comment moderation for one page: every group's comments, hidden ones too, with hide,
 * show again and delete.
 */
@Controller
@RequestMapping("/business/products/{productId}/club/pages/{pageId}/comments")
class ProducerCommentsController {

	private final CommentModeration moderation;

	private final ClubContent content;

	private final Groups groups;

	private final ProducerClubPages pages;

	ProducerCommentsController(CommentModeration moderation, ClubContent content, Groups groups,
			ProducerClubPages pages) {
		this.moderation = moderation;
		this.content = content;
		this.groups = groups;
		this.pages = pages;
	}

	/** A comment as the producer sees it. */
	record CommentView(long id, String author, String groupName, String body, boolean hidden, String writtenAt) {
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long pageId,
			Model model, Locale locale) {
		ClubPage page = page(me, productId, pageId);
		Map<Long, String> groupNames = this.groups.of(ProducerClubPages.producer(me), productId)
			.stream()
			.collect(Collectors.toMap(Group::id, Group::name));
		model.addAttribute("product", this.pages.product(me, productId));
		model.addAttribute("page", page);
		model.addAttribute("comments",
				this.moderation.listAll(ProducerClubPages.producer(me), pageId)
					.stream()
					.map((c) -> new CommentView(c.id(), c.authorName(), groupNames.getOrDefault(c.groupId(), "?"),
							c.body(), c.hidden(), this.pages.dateTime(c.createdAt(), this.pages.zone(me), locale)))
					.toList());
		return "club/producer/comments";
	}

	@PostMapping("/{commentId}/hide")
	String hide(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long pageId,
			@PathVariable long commentId, @RequestParam(defaultValue = "true") boolean hidden,
			RedirectAttributes redirect) {
		page(me, productId, pageId);
		own(me, pageId, commentId);
		Comment comment = this.moderation.hide(ProducerClubPages.producer(me), commentId, hidden);
		ProducerContentController.notice(redirect,
				hidden ? "club.producer.comment.hidden" : "club.producer.comment.shown", comment.authorName());
		return back(productId, pageId);
	}

	@PostMapping("/{commentId}/delete")
	String delete(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long pageId,
			@PathVariable long commentId, RedirectAttributes redirect) {
		page(me, productId, pageId);
		own(me, pageId, commentId);
		Comment comment = this.moderation.delete(ProducerClubPages.producer(me), commentId);
		ProducerContentController.notice(redirect, "club.producer.comment.deleted", comment.authorName());
		return back(productId, pageId);
	}

	private void own(SignedInAccount me, long pageId, long commentId) {
		boolean onPage = this.moderation.listAll(ProducerClubPages.producer(me), pageId)
			.stream()
			.anyMatch((c) -> c.id() == commentId);
		if (!onPage) {
			throw new ClubNotFound("No comment " + commentId + " on page " + pageId + ".");
		}
	}

	private ClubPage page(SignedInAccount me, long productId, long pageId) {
		ClubPage page = this.content.page(ProducerClubPages.producer(me), pageId);
		if (page.productId() != productId) {
			throw new ClubNotFound("No page " + pageId + " in product " + productId + ".");
		}
		return page;
	}

	private static String back(long productId, long pageId) {
		return "redirect:/business/products/" + productId + "/club/pages/" + pageId + "/comments";
	}

}
