package io.atrium.club.web.student;

import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.atrium.accounts.SignedInAccount;
import io.atrium.club.access.ClubAccess;
import io.atrium.club.access.StudentCourse;
import io.atrium.club.access.StudentLessons;
import io.atrium.club.content.ClubArea;
import io.atrium.club.content.ClubAreas;
import io.atrium.media.Branding;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The student's side of the members area: "My products" across producers ({@code /club}),
 * a producer's area ({@code /club/{subdomain}}) and a course outline
 * ({@code /club/{subdomain}/products/{productId}}). Every page needs a signed-in account;
 * {@code /club/api/**} is the compatible API's, never a subdomain.
 */
@Controller
class StudentClubController {

	/** A subdomain in a path: anything but {@code api}, which is the compatible API. */
	static final String AREA = "/club/{subdomain:(?![aA][pP][iI]$)[A-Za-z0-9-]+}";

	private final ClubAreas areas;

	private final ClubAccess access;

	private final StudentLessons lessons;

	private final StudentViews views;

	private final Branding branding;

	StudentClubController(ClubAreas areas, ClubAccess access, StudentLessons lessons, StudentViews views,
			Branding branding) {
		this.branding = branding;
		this.areas = areas;
		this.access = access;
		this.lessons = lessons;
		this.views = views;
	}

	@GetMapping("/club")
	String myProducts(@AuthenticationPrincipal SignedInAccount me, Model model, Locale locale) {
		model.addAttribute("products", this.views.cards(this.access.myProducts(me.accountId().value()), locale));
		return "club/student/products";
	}

	@GetMapping(AREA)
	String area(@AuthenticationPrincipal SignedInAccount me, @PathVariable String subdomain, Model model, Locale locale,
			HttpServletResponse response) throws IOException {
		Optional<ClubArea> area = this.areas.bySubdomain(subdomain);
		if (area.isEmpty()) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return null;
		}
		List<StudentCourse> courses = this.lessons.inArea(me.accountId().value(), area.get());
		model.addAttribute("area", area.get());
		model.addAttribute("brand", this.branding.forProducer(area.get().producerAccountId()).orElse(null));
		model.addAttribute("products", this.views.cards(courses, locale));
		return "club/student/area";
	}

	@GetMapping(AREA + "/products/{productId}")
	String outline(@AuthenticationPrincipal SignedInAccount me, @PathVariable String subdomain,
			@PathVariable long productId, HttpSession session, Model model, Locale locale, HttpServletResponse response)
			throws IOException {
		long accountId = me.accountId().value();
		Optional<StudentCourse> course = this.areas.bySubdomain(subdomain)
			.flatMap((a) -> this.lessons.course(accountId, a, productId, UnlockedPages.of(session)));
		if (course.isEmpty()) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return null;
		}
		StudentCourse c = course.get();
		model.addAttribute("course", c);
		model.addAttribute("brand", this.branding.forProducer(c.area().producerAccountId()).orElse(null));
		ZoneId zone = this.views.zone(c);
		model.addAttribute("card", this.views.card(c, zone, locale));
		if (!c.enrollmentDecision().allowed()) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			return "club/student/closed";
		}
		this.access.recordEntry(accountId, productId);
		model.addAttribute("modules", this.views.modules(c, null, zone, locale));
		return "club/student/course";
	}

}
