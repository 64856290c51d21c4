package io.atrium.club.web.producer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.atrium.accounts.ProducerTimeZones;
import io.atrium.accounts.Role;
import io.atrium.accounts.SignedInAccount;
import io.atrium.catalog.Catalog;
import io.atrium.catalog.ProductSummary;
import io.atrium.club.ClubRefused;
import io.atrium.club.comments.Comment;
import io.atrium.club.comments.CommentModeration;
import io.atrium.club.comments.Questions;
import io.atrium.club.comments.Questions.QuestionList;
import io.atrium.platform.Dates;

import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The unanswered questions across every course the signed-in producer or helper moderates
 * ({@code /business/club/questions}): newest first, 25 a page, filtered by course, each
 * with a reply form (htmx swaps the answered question in place; without JavaScript the
 * form posts and comes back), "mark as answered" and "hide". Someone who is neither a
 * producer nor a helper gets 403; a question of a course the asker does not moderate 404.
 */
@Controller
@RequestMapping("/business/club/questions")
class QuestionsController {

	static final int PAGE_SIZE = 25;

	private final Questions questions;

	private final CommentModeration moderation;

	private final Catalog catalog;

	private final ProducerTimeZones zones;

	private final MessageSource messages;

	QuestionsController(Questions questions, CommentModeration moderation, Catalog catalog, ProducerTimeZones zones,
			MessageSource messages) {
		this.messages = messages;
		this.questions = questions;
		this.moderation = moderation;
		this.catalog = catalog;
		this.zones = zones;
	}

	/**
	 * A question as the list shows it.
	 */
	record QuestionView(long id, long productId, String productName, long pageId, String pageName, String author,
			String body, String askedAt, String commentsUrl) {
	}

	/** A course of the filter. */
	record CourseOption(long id, String name) {
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInAccount me, @RequestParam(required = false) Long product,
			@RequestParam(defaultValue = "1") int page, Model model, Locale locale) {
		int pageNumber = Math.max(1, page);
		QuestionList list = this.questions.unanswered(id(me), product, PAGE_SIZE, (pageNumber - 1) * PAGE_SIZE);
		if (list.products().isEmpty() && !me.has(Role.PRODUCER)) {
			throw new AccessDeniedException("Account " + id(me) + " moderates no comments.");
		}
		Map<Long, ProductSummary> products = new LinkedHashMap<>();
		list.products().forEach((p) -> this.catalog.product(p).ifPresent((s) -> products.put(p, s)));
		model.addAttribute("courses",
				products.values()
					.stream()
					.map((p) -> new CourseOption(p.id(), p.name()))
					.sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
					.toList());
		model.addAttribute("product", (product != null && products.containsKey(product)) ? product : null);
		model.addAttribute("questions", list.questions().stream().map((q) -> view(q, products, locale)).toList());
		model.addAttribute("total", list.total());
		model.addAttribute("producer", me.has(Role.PRODUCER));
		model.addAttribute("pageNumber", pageNumber);
		model.addAttribute("pages", Math.max(1, (list.total() + PAGE_SIZE - 1) / PAGE_SIZE));
		return "club/producer/questions";
	}

	@PostMapping("/{commentId}/reply")
	String reply(@AuthenticationPrincipal SignedInAccount me, @PathVariable long commentId,
			@RequestParam(defaultValue = "") String body, @RequestParam(required = false) Long product,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale,
			RedirectAttributes redirect) {
		try {
			Comment reply = this.moderation.reply(id(me), commentId, body);
			return done(htmx, model, redirect, "comments.team.replied", reply.authorName(), product);
		}
		catch (ClubRefused ex) {
			if (htmx != null) {
				model.addAttribute("problem", this.messages.getMessage(ex.messageKey(), ex.args(), locale));
				return "club/producer/questions :: done";
			}
			redirect.addFlashAttribute("problem", this.messages.getMessage(ex.messageKey(), ex.args(), locale));
			redirect.addFlashAttribute("replyTo", commentId);
			redirect.addFlashAttribute("replyBody", body);
			return list(product) + "#question-" + commentId;
		}
	}

	@PostMapping("/{commentId}/answered")
	String answered(@AuthenticationPrincipal SignedInAccount me, @PathVariable long commentId,
			@RequestParam(required = false) Long product,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) {
		Comment comment = this.moderation.answered(id(me), commentId, true);
		return done(htmx, model, redirect, "comments.team.marked-answered", comment.authorName(), product);
	}

	@PostMapping("/{commentId}/hide")
	String hide(@AuthenticationPrincipal SignedInAccount me, @PathVariable long commentId,
			@RequestParam(required = false) Long product,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			RedirectAttributes redirect) {
		Comment comment = this.moderation.hide(id(me), commentId, true);
		return done(htmx, model, redirect, "club.producer.comment.hidden", comment.authorName(), product);
	}

	private static String done(String htmx, Model model, RedirectAttributes redirect, String notice, Object arg,
			Long product) {
		if (htmx != null) {
			model.addAttribute("notice", notice);
			model.addAttribute("noticeArg", arg);
			return "club/producer/questions :: done";
		}
		ProducerContentController.notice(redirect, notice, arg);
		return list(product);
	}

	private QuestionView view(Questions.Question q, Map<Long, ProductSummary> products, Locale locale) {
		Comment c = q.comment();
		ProductSummary product = products.get(c.productId());
		String productName = (product != null) ? product.name() : "?";
		long producer = (product != null) ? product.producerAccountId() : 0;
		return new QuestionView(c.id(), c.productId(), productName, c.pageId(), q.pageName(), c.authorName(), c.body(),
				Dates.show(c.createdAt(), this.zones.of(producer), locale),
				"/business/products/" + c.productId() + "/club/pages/" + c.pageId() + "/comments#comment-" + c.id());
	}

	private static String list(Long product) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/business/club/questions");
		if (product != null) {
			uri.queryParam("product", product);
		}
		return "redirect:" + uri.toUriString();
	}

	private static long id(SignedInAccount me) {
		return me.accountId().value();
	}

}
