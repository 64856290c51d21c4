package io.atrium.subscriptions.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.SignedInAccount;
import io.atrium.shared.EmailAddress;
import io.atrium.subscriptions.Requester;
import io.atrium.subscriptions.Subscription;
import io.atrium.subscriptions.SubscriptionRefused;
import io.atrium.subscriptions.Subscriptions;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Platform admins find a subscription by its subscriber code or the subscriber's e-mail
 * ({@code /admin/subscriptions}) and may cancel any of them (CANCELLED_BY_ADMIN), after a
 * confirmation, with or without the e-mail to the subscriber. Only admins reach
 * {@code /admin/**}.
 */
@Controller
class AdminSubscriptionsController {

	private static final String BASE = "/admin/subscriptions";

	private final SubscriptionPages pages;

	private final Subscriptions subscriptions;

	private final Accounts accounts;

	AdminSubscriptionsController(SubscriptionPages pages, Subscriptions subscriptions, Accounts accounts) {
		this.pages = pages;
		this.subscriptions = subscriptions;
		this.accounts = accounts;
	}

	@GetMapping(BASE)
	String search(@AuthenticationPrincipal SignedInAccount me, @RequestParam(defaultValue = "") String q, Locale locale,
			Model model) {
		String query = q.strip();
		List<Subscription> found = new ArrayList<>();
		if (EmailAddress.isValidInput(query)) {
			this.accounts.findByEmail(EmailAddress.of(query))
				.ifPresent((a) -> found.addAll(this.subscriptions.ofBuyer(a.id().value())));
		}
		else if (!query.isEmpty()) {
			this.subscriptions.find(admin(me), query).ifPresent(found::add);
		}
		model.addAttribute("q", query);
		model.addAttribute("views",
				found.stream()
					.map((s) -> SubscriptionView.of(s, this.pages.texts(),
							this.subscriptions.dunning(s.producerAccountId()), this.pages.now(), locale))
					.toList());
		return "subscriptions/admin";
	}

	@GetMapping(BASE + "/{code}/cancel")
	String confirmCancel(@AuthenticationPrincipal SignedInAccount me, @PathVariable String code, Locale locale,
			Model model, HttpServletResponse response) {
		Subscription s = this.pages.find(admin(me), code);
		if (s == null) {
			return this.pages.notFound(response);
		}
		this.pages.summary(s, model, locale);
		model.addAttribute("confirm",
				new Confirmation("cancel", "subscriptions.admin.cancel.heading", List.of(this.pages.texts()
					.text("subscriptions.admin.cancel.lead", locale, s.subscriber().name(), s.subscriber().email())),
						BASE + "/" + s.code() + "/cancel", BASE + "?q=" + s.code(),
						"subscriptions.action.cancel.confirm", true, Map.of()));
		return "subscriptions/confirm";
	}

	@PostMapping(BASE + "/{code}/cancel")
	String cancel(@AuthenticationPrincipal SignedInAccount me, @PathVariable String code,
			@RequestParam(name = "send_mail", defaultValue = "false") boolean sendMail, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			Subscription after = this.subscriptions.cancel(admin(me), code, sendMail);
			redirect.addFlashAttribute("notice",
					this.pages.texts().text("subscriptions.done.cancelled", locale, after.subscriber().name()));
			redirect.addAttribute("q", after.code());
			return "redirect:" + BASE;
		}
		catch (SubscriptionRefused ex) {
			if (ex.reason() == SubscriptionRefused.Reason.NOT_FOUND) {
				return this.pages.notFound(response);
			}
			this.pages.refused(ex, model, response, locale);
			return search(me, code, locale, model);
		}
	}

	private static Requester admin(SignedInAccount me) {
		return Requester.admin(me.accountId().value());
	}

}
