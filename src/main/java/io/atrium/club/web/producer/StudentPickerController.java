package io.atrium.club.web.producer;

import java.util.List;

import io.atrium.accounts.SignedInAccount;
import io.atrium.club.groups.Enrollment;
import io.atrium.club.groups.Enrollments;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The student picker's searches
 * ({@code /business/products/{productId}/club/students/search}): the combobox's options
 * as an HTML fragment, and, without JavaScript, a page listing the matches as links to
 * their student pages. Both ask {@link Enrollments#startingWith}: the product's own
 * students only, by name or e-mail prefix, at most {@link #LIMIT}.
 */
@Controller
@RequestMapping("/business/products/{productId}/club/students/search")
class StudentPickerController {

	/** The most matches the picker offers. */
	static final int LIMIT = 20;

	private final Enrollments enrollments;

	private final StudentsPageSupport pages;

	StudentPickerController(Enrollments enrollments, StudentsPageSupport pages) {
		this.enrollments = enrollments;
		this.pages = pages;
	}

	@GetMapping("/options")
	String options(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@RequestParam(name = "q", defaultValue = "") String query, Model model) {
		model.addAttribute("productId", productId);
		model.addAttribute("matches", this.enrollments.startingWith(me.accountId().value(), productId, query, LIMIT));
		return "club/tools/picker :: options";
	}

	@GetMapping
	String page(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@RequestParam(name = "q", defaultValue = "") String query, Model model) {
		List<Enrollment> matches = this.enrollments.startingWith(me.accountId().value(), productId, query, LIMIT);
		model.addAttribute("productId", productId);
		model.addAttribute("productName", this.pages.productName(productId));
		model.addAttribute("query", query.strip());
		model.addAttribute("searched", !query.isBlank());
		model.addAttribute("matches", matches);
		model.addAttribute("hrefs",
				matches.stream().map((e) -> "/business/products/" + productId + "/club/students/" + e.id()).toList());
		return "club/tools/search";
	}

}
