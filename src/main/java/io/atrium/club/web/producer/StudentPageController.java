package io.atrium.club.web.producer;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import io.atrium.accounts.SignedInAccount;
import io.atrium.checkout.MoneyText;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.Purchases;
import io.atrium.club.ClubRefused;
import io.atrium.club.access.ClubAccess;
import io.atrium.club.access.StudentCourse;
import io.atrium.club.groups.Enrollment;
import io.atrium.club.groups.Enrollments;
import io.atrium.club.groups.Group;
import io.atrium.club.groups.Groups;
import jakarta.servlet.http.HttpServletResponse;

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
 * One student of a product
 * ({@code /business/products/{productId}/club/students/{studentId}}): name, e-mail
 * address, group (with the form that moves them), start, status, progress as the player
 * counts it ({@link ClubAccess#courseOf}), first and last access, and their purchases of
 * this producer's products ({@link Purchases#ofBuyer}, each linked to the sale), with a
 * link to the "why" page for this student.
 */
@Controller
@RequestMapping("/business/products/{productId}/club/students/{studentId}")
class StudentPageController {

	private final Enrollments enrollments;

	private final Groups groups;

	private final ClubAccess access;

	private final Purchases purchases;

	private final StudentsPageSupport pages;

	private final Clock clock;

	StudentPageController(Enrollments enrollments, Groups groups, ClubAccess access, Purchases purchases,
			StudentsPageSupport pages, Clock clock) {
		this.enrollments = enrollments;
		this.groups = groups;
		this.access = access;
		this.purchases = purchases;
		this.pages = pages;
		this.clock = clock;
	}

	@GetMapping
	String show(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long studentId,
			Locale locale, Model model) {
		return page(me.accountId().value(), productId, studentId, null, locale, model);
	}

	@PostMapping("/group")
	String move(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long studentId,
			@RequestParam(name = "targetGroup", required = false) Long targetGroup, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		long producer = me.accountId().value();
		Enrollment student = this.enrollments.student(producer, productId, studentId);
		try {
			if (targetGroup == null) {
				throw new ClubRefused("targetGroup", "students.group-required", "Choose the group.");
			}
			this.enrollments.move(producer, productId, List.of(student.id()), targetGroup);
			redirect.addFlashAttribute("notice", this.pages.message("club-tools.student.moved", locale, student.name(),
					this.groups.find(producer, targetGroup).name()));
			return "redirect:/business/products/" + productId + "/club/students/" + studentId;
		}
		catch (ClubRefused ex) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return page(producer, productId, studentId, this.pages.message(ex, locale), locale, model);
		}
	}

	private String page(long producer, long productId, long studentId, String problem, Locale locale, Model model) {
		Enrollment e = this.enrollments.student(producer, productId, studentId);
		ZoneId zone = this.pages.zone(producer);
		StudentCourse course = this.access.courseOf(e).orElse(null);
		List<Group> groups = this.groups.of(producer, productId);
		model.addAttribute("productId", productId);
		model.addAttribute("productName", this.pages.productName(productId));
		model.addAttribute("student", e);
		model.addAttribute("groups", groups);
		model.addAttribute("groupName",
				groups.stream().filter((g) -> g.id() == e.groupId()).map(Group::name).findFirst().orElse(""));
		model.addAttribute("status", e.status(this.clock.instant()).name());
		model.addAttribute("startedOn", this.pages.dateTime(e.startedAt(), zone, locale));
		model.addAttribute("endsOn", this.pages.dateTime(e.accessEndsAt(), zone, locale));
		model.addAttribute("firstAccess", this.pages.dateTime(e.firstAccessAt(), zone, locale));
		model.addAttribute("lastAccess", this.pages.dateTime(e.lastAccessAt(), zone, locale));
		model.addAttribute("completed", (course != null) ? course.completed() : 0);
		model.addAttribute("total", (course != null) ? course.total() : 0);
		model.addAttribute("percent", (course != null) ? course.percent() : 0);
		model.addAttribute("purchases",
				this.purchases.ofBuyer(e.accountId())
					.stream()
					.filter((p) -> p.terms().producerAccountId() == producer)
					.map((p) -> purchase(p, e.email(), zone, locale))
					.toList());
		model.addAttribute("problem", problem);
		return "club/tools/student";
	}

	private PurchaseRow purchase(Purchase p, String email, ZoneId zone, Locale locale) {
		java.time.Instant at = (p.approvedAt() != null) ? p.approvedAt() : p.terms().createdAt();
		return new PurchaseRow(p.transaction(), p.terms().productName(), this.pages.dateTime(at, zone, locale),
				MoneyText.format(p.terms().price(), locale), p.status().name(), "/business/sales?buyer=" + encode(email)
						+ "&from=" + this.pages.isoDay(at, zone) + "&transaction=" + encode(p.transaction()));
	}

	private static String encode(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

	/**
	 * One purchase on the student's page.
	 */
	record PurchaseRow(String transaction, String product, String date, String price, String status, String link) {

	}

}
