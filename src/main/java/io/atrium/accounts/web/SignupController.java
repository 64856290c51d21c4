package io.atrium.accounts.web;

import java.time.Duration;
import java.util.Locale;

import io.atrium.accounts.internal.AccountService;
import io.atrium.accounts.internal.MailFormLimits;
import io.atrium.shared.EmailAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Producer sign-up. The answer is the same whether or not the address already has an
 * account; the e-mail that follows says what to do. Limited per address and per client
 * ({@link MailFormLimits}).
 */
@Controller
class SignupController {

	private final AccountService accounts;

	private final MailFormLimits limits;

	SignupController(AccountService accounts, MailFormLimits limits) {
		this.accounts = accounts;
		this.limits = limits;
	}

	@GetMapping("/signup")
	String form(Model model) {
		model.addAttribute("form", new SignupForm("", ""));
		return "accounts/signup";
	}

	@PostMapping("/signup")
	String signUp(@Valid @ModelAttribute("form") SignupForm form, BindingResult errors, Locale locale, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		if (errors.hasErrors()) {
			return "accounts/signup";
		}
		EmailAddress email = EmailAddress.of(form.email());
		Duration wait = this.limits.tryAcquire(email, request.getRemoteAddr());
		if (!wait.isZero()) {
			return TooManyRequests.page(wait, model, response);
		}
		this.accounts.signUpProducer(email, form.name(), locale);
		model.addAttribute("email", email.value());
		return "accounts/check-email";
	}

	record SignupForm(
			@NotBlank(message = "{accounts.name.required}") @Size(max = 200,
					message = "{accounts.name.too-long}") String name,
			@NotBlank(message = "{accounts.email.required}") @EmailText String email) {
	}

}
