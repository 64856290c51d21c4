package io.atrium.accounts.web;

import java.util.Locale;

import io.atrium.accounts.SignedInAccount;
import io.atrium.accounts.internal.AccountRecord;
import io.atrium.accounts.internal.AccountService;
import io.atrium.platform.SupportedLanguages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The profile: name, language, and "Start selling" for an account that only buys.
 */
@Controller
class ProfileController {

	private final AccountService accounts;

	ProfileController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/profile")
	String profile(@AuthenticationPrincipal SignedInAccount me, Model model) {
		AccountRecord account = this.accounts.record(me.accountId().value()).orElseThrow();
		model.addAttribute("account", account);
		model.addAttribute("name", account.name());
		model.addAttribute("language", SupportedLanguages.tagOf(account.preferredLocale()));
		return "accounts/profile";
	}

	@PostMapping("/profile")
	String update(@AuthenticationPrincipal SignedInAccount me, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String language, Model model, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect) {
		String problem = null;
		if (name.isBlank()) {
			problem = "accounts.name.required";
		}
		else if (name.strip().length() > 200) {
			problem = "accounts.name.too-long";
		}
		else if (SupportedLanguages.match(language).isEmpty()) {
			problem = "accounts.profile.language.invalid";
		}
		if (problem != null) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("account", this.accounts.record(me.accountId().value()).orElseThrow());
			model.addAttribute("name", name);
			model.addAttribute("language", language);
			model.addAttribute("problem", problem);
			return "accounts/profile";
		}
		Locale locale = SupportedLanguages.match(language).orElseThrow();
		this.accounts.updateProfile(me.accountId().value(), name, locale);
		SessionRefresher.refresh(this.accounts.record(me.accountId().value()).orElseThrow(), request, response);
		redirect.addFlashAttribute("saved", true);
		return "redirect:/profile";
	}

	@PostMapping("/profile/start-selling")
	String startSelling(@AuthenticationPrincipal SignedInAccount me, HttpServletRequest request,
			HttpServletResponse response) {
		this.accounts.becomeProducer(me.accountId().value());
		SessionRefresher.refresh(this.accounts.record(me.accountId().value()).orElseThrow(), request, response);
		return "redirect:/business";
	}

}
