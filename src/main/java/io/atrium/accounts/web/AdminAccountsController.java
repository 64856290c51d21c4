package io.atrium.accounts.web;

import java.util.Locale;

import io.atrium.accounts.internal.AccountService;
import io.atrium.platform.SupportedLanguages;
import io.atrium.shared.EmailAddress;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Platform administration: the accounts list and inviting a student (a pending account
 * with an invitation e-mail).
 */
@Controller
class AdminAccountsController {

	private final AccountService accounts;

	AdminAccountsController(AccountService accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/admin")
	String index(@RequestParam(defaultValue = "") String q, Model model) {
		model.addAttribute("q", q);
		model.addAttribute("accounts", this.accounts.search(q, 100));
		return "accounts/admin/index";
	}

	@GetMapping("/admin/students/invite")
	String inviteForm(Model model) {
		return "accounts/admin/invite";
	}

	@PostMapping("/admin/students/invite")
	String invite(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "en") String language, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		if (!EmailAddress.isValidInput(email) || name.strip().length() > 200) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problem",
					EmailAddress.isValidInput(email) ? "accounts.name.too-long" : "accounts.email.invalid");
			model.addAttribute("email", email);
			model.addAttribute("name", name);
			return "accounts/admin/invite";
		}
		Locale locale = SupportedLanguages.match(language).orElse(SupportedLanguages.DEFAULT);
		var enrollment = this.accounts.inviteStudent(EmailAddress.of(email), name, locale);
		redirect.addFlashAttribute("invited", enrollment.account().email());
		redirect.addFlashAttribute("created", enrollment.created());
		return "redirect:/admin/students/invite";
	}

}
