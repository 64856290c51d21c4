package io.atrium.club.web.producer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import io.atrium.accounts.SignedInAccount;
import io.atrium.club.ClubNotFound;
import io.atrium.club.access.AccessDecision;
import io.atrium.club.access.AccessDenial;
import io.atrium.club.access.ClubAccess;
import io.atrium.club.content.ClubContent;
import io.atrium.club.content.ClubPage;
import io.atrium.club.content.ModuleContent;
import io.atrium.club.groups.Enrollment;
import io.atrium.club.groups.Enrollments;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Why can't this student see this lesson?"
 * ({@code /business/products/{productId}/club/why ?student=&page=}): the producer picks a
 * student (with the student picker; {@code q} without a chosen student lists the matches
 * as links) and a page and sees the one access decision ({@link ClubAccess#explain}) with
 * every reason in order, each with a link to the setting that causes it.
 */
@Controller
class WhyPageController {

	private final Enrollments enrollments;

	private final ClubContent content;

	private final ClubAccess access;

	private final StudentsPageSupport pages;

	WhyPageController(Enrollments enrollments, ClubContent content, ClubAccess access, StudentsPageSupport pages) {
		this.enrollments = enrollments;
		this.content = content;
		this.access = access;
		this.pages = pages;
	}

	@GetMapping("/business/products/{productId}/club/why")
	String why(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@RequestParam(name = "student", required = false) Long studentId,
			@RequestParam(name = "page", required = false) Long pageId,
			@RequestParam(name = "q", required = false) String query, Locale locale, Model model) {
		long producer = me.accountId().value();
		List<ModuleContent> tree = this.content.content(producer, productId);
		Enrollment chosen = (studentId != null) ? this.enrollments.student(producer, productId, studentId) : null;
		String chosenLabel = (chosen != null)
				? this.pages.message("club-users.why.student.option", locale, chosen.name(), chosen.email()) : "";
		// without JavaScript the hidden choice stays while the producer types another
		// name:
		// a typed text that is not the chosen student's is a new search
		boolean searching = query != null && !query.isBlank() && !query.strip().equals(chosenLabel);
		Enrollment student = searching ? null : chosen;
		if (searching) {
			List<Enrollment> matches = this.enrollments.startingWith(producer, productId, query,
					StudentPickerController.LIMIT);
			model.addAttribute("matches", matches);
			model.addAttribute("hrefs",
					matches.stream()
						.map((e) -> "/business/products/" + productId + "/club/why?student=" + e.id()
								+ ((pageId != null) ? "&page=" + pageId : ""))
						.toList());
		}
		model.addAttribute("query", searching ? query.strip() : chosenLabel);
		ClubPage page = (pageId != null) ? this.content.page(producer, pageId) : null;
		if (page != null && page.productId() != productId) {
			throw new ClubNotFound("No page " + pageId + " in product " + productId + ".");
		}
		model.addAttribute("productId", productId);
		model.addAttribute("productName", this.pages.productName(productId));
		model.addAttribute("modules", tree);
		model.addAttribute("studentId", (student != null) ? student.id() : null);
		model.addAttribute("pageId", pageId);
		if (student != null && page != null) {
			AccessDecision decision = this.access.explain(producer, student.id(), page.id());
			model.addAttribute("student", student);
			model.addAttribute("page", page);
			model.addAttribute("allowed", decision.allowed());
			model.addAttribute("reasons",
					decision.denials()
						.stream()
						.map((d) -> reason(d, productId, student, page, this.pages.zone(producer), locale))
						.toList());
		}
		return "club/why";
	}

	private Reason reason(AccessDenial d, long productId, Enrollment student, ClubPage page, ZoneId zone,
			Locale locale) {
		String key = d.reason().messageKey();
		String text;
		if (d.prerequisitePageId() != null) {
			String name = this.content.page(student.producerAccountId(), d.prerequisitePageId()).name();
			text = this.pages.message(key + ".after", locale, name);
		}
		else if (d.date() != null) {
			text = this.pages.message(key + ".on", locale, this.pages.dateTime(d.date(), zone, locale));
		}
		else {
			text = this.pages.message(key, locale);
		}
		String club = "/business/products/" + productId + "/club";
		String studentRow = club + "/students?q=" + encode(student.email()) + "#student-" + student.id();
		String sales = "/business/sales?buyer=" + encode(student.email()) + "&from="
				+ this.pages.isoDay(student.startedAt(), zone)
				+ ((student.transaction() != null) ? "&transaction=" + encode(student.transaction()) : "");
		return switch (d.reason()) {
			case NOT_IN_GROUP, NOT_RELEASED_YET, EXPIRED ->
				new Reason(d.reason().name(), text, club + "/rules#page-" + page.id(), "club-users.why.fix.rules");
			case UNPUBLISHED, MEDIA_UNAVAILABLE, PASSWORD_REQUIRED ->
				new Reason(d.reason().name(), text, club + "/pages/" + page.id() + "/edit", "club-users.why.fix.page");
			case BLOCKED_BY_PRODUCER, ACCESS_PERIOD_ENDED ->
				new Reason(d.reason().name(), text, studentRow, "club-users.why.fix.student");
			case PURCHASE_REFUNDED, PURCHASE_CHARGED_BACK ->
				new Reason(d.reason().name(), text, sales, "club-users.why.fix.sales");
			case SUBSCRIPTION_OVERDUE, SUBSCRIPTION_CANCELLED,
					SUBSCRIPTION_INACTIVE ->
				new Reason(d.reason().name(), text,
						"/business/subscriptions?product_id=" + productId + "&q=" + encode(student.email()),
						"club-users.why.fix.subscription");
			case NOT_ENROLLED ->
				new Reason(d.reason().name(), text, club + "/students/new", "club-users.why.fix.enroll");
		};
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * One reason, with the setting that causes it.
	 *
	 * @param reason the {@code AccessReason}'s name
	 * @param text the reason in the producer's language
	 * @param link where the setting is
	 * @param linkKey the link's text key
	 */
	record Reason(String reason, String text, String link, String linkKey) {

	}

}
