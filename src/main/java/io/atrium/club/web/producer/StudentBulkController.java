package io.atrium.club.web.producer;

import java.util.List;
import java.util.Locale;

import io.atrium.accounts.SignedInAccount;
import io.atrium.club.ClubRefused;
import io.atrium.club.groups.Enrollments;
import io.atrium.club.groups.Group;
import io.atrium.club.groups.Groups;
import io.atrium.club.groups.StudentBulkAction;
import io.atrium.club.groups.StudentBulkActions;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A bulk action on every student matching the Users tab's filters
 * ({@code /business/products/{productId}/club/students/bulk}): the confirmation page with
 * the count of students matching now, then the background action's page with its progress
 * (htmx polls the progress fragment until it is done; without JavaScript the page is
 * reloaded by hand).
 */
@Controller
@RequestMapping("/business/products/{productId}/club/students/bulk")
class StudentBulkController {

	/** The Users tab's actions that can run on every matching student. */
	static final List<String> ACTIONS = List.of("move", "block", "unblock", "resend");

	private final Enrollments enrollments;

	private final Groups groups;

	private final StudentBulkActions actions;

	private final StudentsPageSupport pages;

	StudentBulkController(Enrollments enrollments, Groups groups, StudentBulkActions actions,
			StudentsPageSupport pages) {
		this.enrollments = enrollments;
		this.groups = groups;
		this.actions = actions;
		this.pages = pages;
	}

	@GetMapping
	String confirm(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@ModelAttribute("form") StudentsForm form, @RequestParam(name = "action", defaultValue = "") String action,
			@RequestParam(name = "targetGroup", required = false) Long targetGroup, Locale locale, Model model,
			HttpServletResponse response) {
		return confirmPage(me.accountId().value(), productId, form, action, targetGroup, null, locale, model, response);
	}

	@PostMapping
	String start(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@ModelAttribute("form") StudentsForm form, @RequestParam(name = "action", defaultValue = "") String action,
			@RequestParam(name = "targetGroup", required = false) Long targetGroup, Locale locale, Model model,
			HttpServletResponse response) {
		long producer = me.accountId().value();
		StudentBulkAction.Kind kind = kind(action);
		if (kind == null) {
			return confirmPage(producer, productId, form, action, targetGroup, null, locale, model, response);
		}
		try {
			long id = this.actions.start(producer, productId, kind, targetGroup,
					form.filter(this.pages.zone(producer)));
			return "redirect:/business/products/" + productId + "/club/students/bulk/" + id;
		}
		catch (ClubRefused ex) {
			return confirmPage(producer, productId, form, action, targetGroup, this.pages.message(ex, locale), locale,
					model, response);
		}
	}

	@GetMapping("/{actionId}")
	String show(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long actionId,
			Locale locale, Model model) {
		StudentBulkAction action = this.actions.find(me.accountId().value(), productId, actionId);
		model.addAttribute("productId", productId);
		model.addAttribute("productName", this.pages.productName(productId));
		addAction(me.accountId().value(), productId, action, locale, model);
		return "club/tools/bulk-progress";
	}

	@GetMapping("/{actionId}/progress")
	String progress(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@PathVariable long actionId, Locale locale, Model model) {
		StudentBulkAction action = this.actions.find(me.accountId().value(), productId, actionId);
		model.addAttribute("productId", productId);
		addAction(me.accountId().value(), productId, action, locale, model);
		return "club/tools/bulk-progress :: progress";
	}

	private void addAction(long producer, long productId, StudentBulkAction action, Locale locale, Model model) {
		model.addAttribute("action", action);
		model.addAttribute("what", what(producer, productId, action.kind().name().toLowerCase(Locale.ROOT),
				action.targetGroupId(), locale));
	}

	private String confirmPage(long producer, long productId, StudentsForm form, String action, Long targetGroup,
			String problem, Locale locale, Model model, HttpServletResponse response) {
		long count = this.enrollments.count(producer, productId, form.filter(this.pages.zone(producer)));
		List<Group> all = this.groups.of(producer, productId);
		String refusal = problem;
		if (kind(action) == null) {
			refusal = this.pages.message("club-tools.bulk.unknown", locale);
		}
		else if ("move".equals(action)
				&& (targetGroup == null || all.stream().noneMatch((g) -> g.id() == targetGroup))) {
			refusal = this.pages.message("club-tools.bulk.group-required", locale);
		}
		else if (count == 0 && refusal == null) {
			refusal = this.pages.message("club-users.none", locale);
		}
		if (refusal != null) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		model.addAttribute("productId", productId);
		model.addAttribute("productName", this.pages.productName(productId));
		model.addAttribute("count", count);
		model.addAttribute("actionName", action);
		model.addAttribute("targetGroup", targetGroup);
		model.addAttribute("what", (kind(action) != null && refusal == null)
				? what(producer, productId, action, targetGroup, locale) : "");
		model.addAttribute("filters", filters(form, all, locale));
		model.addAttribute("status", (form.statusValue() != null) ? form.statusValue().name() : "");
		model.addAttribute("problem", refusal);
		return "club/tools/bulk-confirm";
	}

	private String what(long producer, long productId, String action, Long targetGroup, Locale locale) {
		if ("move".equals(action)) {
			String group = this.groups.of(producer, productId)
				.stream()
				.filter((g) -> targetGroup != null && g.id() == targetGroup)
				.map(Group::name)
				.findFirst()
				.orElse("");
			return this.pages.message("club-tools.bulk.what.move", locale, group);
		}
		return this.pages.message("club-tools.bulk.what." + action, locale);
	}

	/** The filters in words, for the confirmation. */
	private String filters(StudentsForm form, List<Group> groups, Locale locale) {
		List<String> parts = new java.util.ArrayList<>();
		if (!form.query().isEmpty()) {
			parts.add(this.pages.message("club-tools.bulk.filter.q", locale, form.query()));
		}
		if (form.group() != null) {
			groups.stream()
				.filter((g) -> g.id() == form.group())
				.findFirst()
				.ifPresent((g) -> parts.add(this.pages.message("club-tools.bulk.filter.group", locale, g.name())));
		}
		if (form.statusValue() != null) {
			parts.add(this.pages.message("club-tools.bulk.filter.status", locale,
					this.pages.message("club-users.status." + form.statusValue().name(), locale)));
		}
		return parts.isEmpty() ? this.pages.message("club-tools.bulk.filter.none", locale) : String.join("; ", parts);
	}

	private static StudentBulkAction.Kind kind(String action) {
		return ACTIONS.contains(action) ? StudentBulkAction.Kind.valueOf(action.toUpperCase(Locale.ROOT)) : null;
	}

}
