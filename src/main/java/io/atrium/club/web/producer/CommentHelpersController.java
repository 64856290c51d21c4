package io.atrium.club.web.producer;

import java.util.Locale;

import io.atrium.accounts.SignedInAccount;
import io.atrium.catalog.Catalog;
import io.atrium.catalog.DeliveryKind;
import io.atrium.club.ClubRefused;
import io.atrium.club.comments.CommentHelpers;
import io.atrium.club.comments.CommentHelpers.Helper;

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
 * The producer's helpers with comments ({@code /business/club/helpers}, producers only):
 * who helps with which course, naming one by e-mail (an invitation goes out) and removing
 * one.
 */
@Controller
@RequestMapping("/business/club/helpers")
class CommentHelpersController {

	private final CommentHelpers helpers;

	private final Catalog catalog;

	private final MessageSource messages;

	CommentHelpersController(CommentHelpers helpers, Catalog catalog, MessageSource messages) {
		this.helpers = helpers;
		this.catalog = catalog;
		this.messages = messages;
	}

	/** A course the producer may name a helper for. */
	record CourseOption(long id, String name) {
	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInAccount me, Model model) {
		long producer = me.accountId().value();
		model.addAttribute("helpers", this.helpers.of(producer));
		model.addAttribute("courses",
				this.catalog.productsOf(producer)
					.stream()
					.filter((p) -> p.delivery().kind() == DeliveryKind.MEMBERS_AREA)
					.map((p) -> new CourseOption(p.id(), p.name()))
					.toList());
		return "club/producer/helpers";
	}

	@PostMapping
	String add(@AuthenticationPrincipal SignedInAccount me, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String name, @RequestParam(required = false) Long product, Locale locale,
			RedirectAttributes redirect) {
		try {
			Helper helper = this.helpers.add(me.accountId().value(), email, name, product, locale);
			ProducerContentController.notice(redirect, "comments.helpers.added", helper.email());
		}
		catch (ClubRefused ex) {
			redirect.addFlashAttribute("problem", this.messages.getMessage(ex.messageKey(), ex.args(), locale));
			redirect.addFlashAttribute("email", email);
			redirect.addFlashAttribute("name", name);
		}
		return "redirect:/business/club/helpers";
	}

	@PostMapping("/{helperId}/remove")
	String remove(@AuthenticationPrincipal SignedInAccount me, @PathVariable long helperId,
			RedirectAttributes redirect) {
		Helper helper = this.helpers.remove(me.accountId().value(), helperId);
		ProducerContentController.notice(redirect, "comments.helpers.removed", helper.email());
		return "redirect:/business/club/helpers";
	}

}
