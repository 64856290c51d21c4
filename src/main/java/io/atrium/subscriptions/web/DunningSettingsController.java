package io.atrium.subscriptions.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.atrium.accounts.SignedInAccount;
import io.atrium.subscriptions.DunningSchedule;
import io.atrium.subscriptions.Subscriptions;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The producer's dunning settings ({@code /business/subscriptions/settings}): the days
 * between payment retries after a refused charge, and whether a subscription keeps access
 * while they run. Saved settings apply at once to subscriptions being retried. The
 * field's shape is checked by {@link RetryDaysText} (422 with the message next to the
 * field, nothing saved).
 */
@Controller
class DunningSettingsController {

	private final Subscriptions subscriptions;

	private final MessageSource messages;

	DunningSettingsController(Subscriptions subscriptions, MessageSource messages) {
		this.subscriptions = subscriptions;
		this.messages = messages;
	}

	@GetMapping("/business/subscriptions/settings")
	String page(@AuthenticationPrincipal SignedInAccount me, Model model, Locale locale) {
		DunningSchedule current = this.subscriptions.dunning(me.accountId().value());
		model.addAttribute("form", new DunningForm(current.retryDaysText(), current.graceWhileDelayed()));
		return page(current, model, locale, null);
	}

	@PostMapping("/business/subscriptions/settings")
	String save(@AuthenticationPrincipal SignedInAccount me, @Valid @ModelAttribute("form") DunningForm form,
			BindingResult binding, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(this.subscriptions.dunning(me.accountId().value()), model, locale,
					this.messages.getMessage(binding.getFieldErrors().get(0), locale));
		}
		DunningSchedule schedule = new DunningSchedule(RetryDaysText.Validator.parse(form.retryDays()),
				Boolean.TRUE.equals(form.graceWhileDelayed()));
		this.subscriptions.saveDunning(me.accountId().value(), schedule);
		redirect.addFlashAttribute("notice", this.messages.getMessage("subscriptions.settings.saved", null, locale));
		return "redirect:/business/subscriptions/settings";
	}

	private String page(DunningSchedule current, Model model, Locale locale, String error) {
		model.addAttribute("error", error);
		model.addAttribute("schedule", explain(current, locale));
		return "subscriptions/settings";
	}

	/**
	 * @return the saved settings in words: when each retry happens and when access stops
	 */
	private List<String> explain(DunningSchedule schedule, Locale locale) {
		List<String> lines = new ArrayList<>();
		if (schedule.retryDays().isEmpty()) {
			lines.add(this.messages.getMessage("subscriptions.settings.explain.none", null, locale));
		}
		else {
			List<String> after = new ArrayList<>();
			int total = 0;
			for (int days : schedule.retryDays()) {
				total += days;
				after.add(String.valueOf(total));
			}
			lines.add(this.messages.getMessage("subscriptions.settings.explain.retries",
					new Object[] { schedule.retryDays().size(), String.join(", ", after) }, locale));
			lines.add(
					this.messages.getMessage("subscriptions.settings.explain.overdue", new Object[] { total }, locale));
		}
		lines.add(this.messages.getMessage(schedule.graceWhileDelayed() ? "subscriptions.settings.explain.grace"
				: "subscriptions.settings.explain.no-grace", null, locale));
		return lines;
	}

	/**
	 * The settings form.
	 *
	 * @param retryDays days between retries, comma-separated
	 * @param graceWhileDelayed whether access continues while retrying (a ticked box)
	 */
	record DunningForm(@RetryDaysText String retryDays, Boolean graceWhileDelayed) {

	}

}
