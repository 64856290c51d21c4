package io.atrium.events.web;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.atrium.accounts.SignedInAccount;
import io.atrium.events.StuckPublication;
import io.atrium.events.StuckPublications;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Stuck event publications: reactions (enrolment, e-mails…) whose listener has not
 * succeeded for a while. The platform admin sees all of them with a "retry now" button
 * ({@code /admin/events}, ROLE_ADMIN); a producer sees those about their own sales
 * ({@code /business/events}, ROLE_PRODUCER). Atrium retries them by itself either way.
 */
@Controller
class StuckPublicationsController {

	/** The ages a page can filter by, in minutes. */
	static final List<Integer> AGES = List.of(1, 5, 15, 60, 1440);

	static final int DEFAULT_AGE = 5;

	private final StuckPublications publications;

	StuckPublicationsController(StuckPublications publications) {
		this.publications = publications;
	}

	@GetMapping("/admin/events")
	ModelAndView admin(@RequestParam(name = "olderThan", required = false) String olderThan) {
		Integer minutes = minutes(olderThan);
		List<StuckPublication> found = (minutes != null) ? this.publications.all(Duration.ofMinutes(minutes))
				: List.of();
		return page(true, minutes, found);
	}

	@GetMapping("/business/events")
	ModelAndView producer(@AuthenticationPrincipal SignedInAccount me,
			@RequestParam(name = "olderThan", required = false) String olderThan) {
		Integer minutes = minutes(olderThan);
		List<StuckPublication> found = (minutes != null)
				? this.publications.ofProducer(me.accountId().value(), Duration.ofMinutes(minutes)) : List.of();
		return page(false, minutes, found);
	}

	@PostMapping("/admin/events/{id}/retry")
	String retry(@PathVariable String id, RedirectAttributes redirect) {
		UUID publication;
		try {
			publication = UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			publication = null;
		}
		boolean resubmitted = publication != null && this.publications.retryNow(publication);
		redirect.addFlashAttribute("noticeKey", resubmitted ? "events.retry.done" : "events.retry.gone");
		return "redirect:/admin/events";
	}

	private static ModelAndView page(boolean admin, Integer minutes, List<StuckPublication> found) {
		ModelAndView page = new ModelAndView("events/stuck");
		page.addObject("admin", admin);
		page.addObject("ages", AGES);
		page.addObject("olderThan", (minutes != null) ? minutes : DEFAULT_AGE);
		page.addObject("publications", found.stream().map(PublicationView::of).toList());
		page.addObject("basePath", admin ? "/admin/events" : "/business/events");
		if (minutes == null) {
			page.addObject("invalidAge", true);
			page.setStatus(HttpStatus.BAD_REQUEST);
		}
		return page;
	}

	/**
	 * @return the age in minutes, the default when none is given, null when it is not one
	 * of {@link #AGES}
	 */
	private static Integer minutes(String olderThan) {
		if (olderThan == null || olderThan.isBlank()) {
			return DEFAULT_AGE;
		}
		return AGES.stream().filter((a) -> String.valueOf(a).equals(olderThan.strip())).findFirst().orElse(null);
	}

}
