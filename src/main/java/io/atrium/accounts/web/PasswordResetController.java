package io.atrium.accounts.web;

import java.time.Duration;

import io.atrium.accounts.internal.AccountService;
import io.atrium.accounts.internal.MailFormLimits;
import io.atrium.accounts.internal.PasswordResetRequests;
import io.atrium.accounts.internal.UnacceptablePasswordException;
import io.atrium.shared.EmailAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Forgot your password?" and the reset link. The request page answers identically, in
 * the same time, for every address; the new password is the one password for every
 * product. Requests are limited per address and per client ({@link MailFormLimits}).
 */
@Controller
class PasswordResetController {

	private final AccountService accounts;

	private final PasswordResetRequests requests;

	private final MailFormLimits limits;

	PasswordResetController(AccountService accounts, PasswordResetRequests requests, MailFormLimits limits) {
		this.accounts = accounts;
		this.requests = requests;
		this.limits = limits;
	}

	@GetMapping("/forgot-password")
	String form(Model model) {
		model.addAttribute("form", EmailForm.empty());
		return "accounts/forgot-password";
	}

	@PostMapping("/forgot-password")
	String request(@Valid @ModelAttribute("form") EmailForm form, BindingResult binding, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "accounts/forgot-password";
		}
		String email = form.email();
		Duration wait = this.limits.tryAcquire(EmailAddress.of(email), request.getRemoteAddr());
		if (!wait.isZero()) {
			return TooManyRequests.page(wait, model, response);
		}
		this.requests.request(EmailAddress.of(email));
		model.addAttribute("email", EmailAddress.of(email).value());
		return "accounts/forgot-sent";
	}

	@GetMapping("/reset-password/{token}")
	String resetForm(@PathVariable String token, Model model, HttpServletResponse response) {
		if (!this.accounts.resetTokenValid(token)) {
			return invalid(model, response);
		}
		model.addAttribute("token", token);
		model.addAttribute("form", PasswordForm.empty());
		return "accounts/reset-password";
	}

	@PostMapping("/reset-password/{token}")
	String reset(@PathVariable String token, @Valid @ModelAttribute("form") PasswordForm form, BindingResult binding,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		if (!this.accounts.resetTokenValid(token)) {
			return invalid(model, response);
		}
		if (!binding.hasErrors()) {
			try {
				HttpSession session = request.getSession(false);
				if (this.accounts.resetPassword(token, form.password(), (session != null) ? session.getId() : null)
					.isPresent()) {
					return "redirect:/login?reset";
				}
				return invalid(model, response);
			}
			catch (UnacceptablePasswordException ex) {
				binding.rejectValue("password", ex.messageKey());
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("token", token);
		return "accounts/reset-password";
	}

	private static String invalid(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.GONE.value());
		model.addAttribute("reset", true);
		return "accounts/link-invalid";
	}

}
