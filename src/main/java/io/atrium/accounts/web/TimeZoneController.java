package io.atrium.accounts.web;

import java.time.ZoneId;
import java.util.Locale;

import io.atrium.accounts.SignedInAccount;
import io.atrium.accounts.internal.ProducerTimeZoneRows;
import io.atrium.platform.Dates;
import jakarta.servlet.http.HttpServletResponse;

import java.time.Clock;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The producer's time zone ({@code /business/time-zone}): a list of IANA zones, the
 * platform's default until the producer chooses one. Every date the producer and their
 * students see is shown in it.
 */
@Controller
class TimeZoneController {

	private final ProducerTimeZoneRows zones;

	private final Clock clock;

	TimeZoneController(ProducerTimeZoneRows zones, Clock clock) {
		this.zones = zones;
		this.clock = clock;
	}

	@GetMapping("/business/time-zone")
	String show(@AuthenticationPrincipal SignedInAccount me, Model model, Locale locale) {
		return page(model, this.zones.of(me.accountId().value()).getId(), locale);
	}

	@PostMapping("/business/time-zone")
	String choose(@AuthenticationPrincipal SignedInAccount me, @RequestParam(defaultValue = "") String zone,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.zones.choose(me.accountId().value(), zone);
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problem", "accounts.time-zone.invalid");
			return page(model, zone, locale);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/business/time-zone";
	}

	private String page(Model model, String zone, Locale locale) {
		model.addAttribute("zone", zone);
		model.addAttribute("zones", this.zones.choices());
		model.addAttribute("defaultZone", this.zones.defaultZone().getId());
		String known = this.zones.choices().contains(zone) ? zone : this.zones.defaultZone().getId();
		model.addAttribute("now", Dates.show(this.clock.instant(), ZoneId.of(known), locale));
		return "accounts/time-zone";
	}

}
