package io.atrium.accounts.web;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import io.atrium.accounts.internal.AccountRecord;
import io.atrium.accounts.internal.AccountService;
import io.atrium.accounts.internal.MailFormLimits;
import io.atrium.accounts.internal.UnacceptablePasswordException;
import io.atrium.shared.EmailAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
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
 * Activation from the e-mail link: the person chooses the password that works for every
 * product and members area, and is then signed in (a fresh session) and lands on their
 * courses ({@code /club}), or a producer on their business ({@code /business}). Expired
 * or used links offer a new one.
 */
@Controller
class ActivationController {

	private final AccountService accounts;

	private final MailFormLimits limits;

	private final MessageSource messages;

	ActivationController(AccountService accounts, MailFormLimits limits, MessageSource messages) {
		this.accounts = accounts;
		this.limits = limits;
		this.messages = messages;
	}

	@GetMapping("/activate/{token}")
	String form(@PathVariable String token, Model model, HttpServletResponse response) {
		Optional<AccountRecord> account = this.accounts.pendingAccountFor(token);
		if (account.isEmpty()) {
			return invalid(model, response);
		}
		model.addAttribute("token", token);
		model.addAttribute("email", account.get().email());
		model.addAttribute("form", PasswordForm.empty());
		return "accounts/activate";
	}

	@PostMapping("/activate/{token}")
	String activate(@PathVariable String token, @Valid @ModelAttribute("form") PasswordForm form, BindingResult binding,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		Optional<AccountRecord> pending = this.accounts.pendingAccountFor(token);
		if (pending.isEmpty()) {
			return invalid(model, response);
		}
		if (!binding.hasErrors()) {
			try {
				Optional<AccountRecord> activated = this.accounts.activate(token, form.password());
				if (activated.isPresent()) {
					SessionRefresher.signIn(activated.get(), request, response);
					boolean producer = activated.get()
						.principal()
						.getAuthorities()
						.stream()
						.anyMatch((a) -> "ROLE_PRODUCER".equals(a.getAuthority()));
					return producer ? "redirect:/business" : "redirect:/club";
				}
				return invalid(model, response);
			}
			catch (UnacceptablePasswordException ex) {
				binding.rejectValue("password", ex.messageKey());
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("token", token);
		model.addAttribute("email", pending.get().email());
		return "accounts/activate";
	}

	@PostMapping("/activation/resend")
	String resend(@Valid @ModelAttribute("form") EmailForm form, BindingResult binding, Model model,
			HttpServletRequest request, HttpServletResponse response, Locale locale) {
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("resendProblem", this.messages.getMessage(binding.getFieldErrors().get(0), locale));
			return "accounts/link-invalid";
		}
		String email = form.email();
		Duration wait = this.limits.tryAcquire(EmailAddress.of(email), request.getRemoteAddr());
		if (!wait.isZero()) {
			return TooManyRequests.page(wait, model, response);
		}
		this.accounts.resendActivation(EmailAddress.of(email));
		model.addAttribute("email", EmailAddress.of(email).value());
		return "accounts/check-email";
	}

	private static String invalid(Model model, HttpServletResponse response) {
		response.setStatus(HttpStatus.GONE.value());
		model.addAttribute("resend", true);
		return "accounts/link-invalid";
	}

}
