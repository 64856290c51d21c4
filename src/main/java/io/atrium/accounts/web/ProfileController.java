package io.atrium.accounts.web;

import java.util.Locale;

import io.atrium.accounts.SignedInAccount;
import io.atrium.accounts.internal.AccountRecord;
import io.atrium.accounts.internal.AccountService;
import io.atrium.platform.SupportedLanguages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

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
 * The profile: name, language, and "Start selling" for an account that only buys.
 */
@Controller
class ProfileController {

	private final AccountService accounts;

	ProfileController(AccountService accounts) {
		this.accounts = accounts;
	}

	/**
	 * The profile form as typed; Bean Validation checks each field.
	 *
	 * @param name 1 to 200 characters
	 * @param language the tag of a supported language
	 */
	record ProfileForm(@NotBlank(message = "{accounts.name.required}") @Size(max = 200,
			message = "{accounts.name.too-long}") String name, @SupportedLanguage String language) {
	}

	@GetMapping("/profile")
	String profile(@AuthenticationPrincipal SignedInAccount me, Model model) {
		AccountRecord account = this.accounts.record(me.accountId().value()).orElseThrow();
		model.addAttribute("account", account);
		model.addAttribute("form",
				new ProfileForm(account.name(), SupportedLanguages.tagOf(account.preferredLocale())));
		return "accounts/profile";
	}

	@PostMapping("/profile")
	String update(@AuthenticationPrincipal SignedInAccount me, @Valid @ModelAttribute("form") ProfileForm form,
			BindingResult binding, Model model, HttpServletRequest request, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("account", this.accounts.record(me.accountId().value()).orElseThrow());
			return "accounts/profile";
		}
		Locale locale = SupportedLanguages.match(form.language()).orElseThrow();
		this.accounts.updateProfile(me.accountId().value(), form.name(), locale);
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
