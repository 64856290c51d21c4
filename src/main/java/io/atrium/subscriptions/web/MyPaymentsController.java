package io.atrium.subscriptions.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.atrium.accounts.SignedInAccount;
import io.atrium.checkout.MoneyText;
import io.atrium.subscriptions.BillingCalendar;
import io.atrium.subscriptions.Subscription;
import io.atrium.subscriptions.SubscriptionRefused;
import io.atrium.subscriptions.Subscriptions;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The subscriber pays what is overdue ({@code /my/subscriptions/{code}/pay}: with the
 * stored card, or a card typed there, which is kept for the next charges) and changes the
 * card ({@code /my/subscriptions/{code}/card}; an unpaid charge is paid with the new card
 * at once). A refused card answers the same page with the bank's reason and 402.
 */
@Controller
class MyPaymentsController {

	private static final String BASE = MySubscriptionsController.BASE;

	private final SubscriptionPages pages;

	private final Subscriptions subscriptions;

	private final MessageSource messages;

	private final boolean sandbox;

	MyPaymentsController(SubscriptionPages pages, Subscriptions subscriptions, MessageSource messages,
			@Value("${atrium.payments.gateway:sandbox}") String gateway) {
		this.pages = pages;
		this.subscriptions = subscriptions;
		this.messages = messages;
		this.sandbox = "sandbox".equals(gateway);
	}

	@GetMapping(BASE + "{code}/pay")
	String payPage(@AuthenticationPrincipal SignedInAccount me, @PathVariable String code, Locale locale, Model model,
			HttpServletResponse response) {
		Subscription s = this.pages.find(MySubscriptionsController.buyer(me), code);
		if (s == null) {
			return this.pages.notFound(response);
		}
		if (s.unpaidCount() == 0 || !s.status().billable()) {
			this.pages.refused(new SubscriptionRefused(SubscriptionRefused.Reason.NOT_ACTIVE, "nothing unpaid"), model,
					response, locale);
			return MySubscriptionsController.detailPage(this.pages, s, model, locale);
		}
		return payPage(s, model, locale, Map.of());
	}

	@PostMapping(BASE + "{code}/pay")
	String payWithStoredCard(@AuthenticationPrincipal SignedInAccount me, @PathVariable String code, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return charge(me, code, model, response, locale, redirect, "pay",
				() -> this.subscriptions.payOverdue(MySubscriptionsController.buyer(me), code, null));
	}

	@PostMapping(BASE + "{code}/pay-with-card")
	String payWithNewCard(@AuthenticationPrincipal SignedInAccount me, @PathVariable String code,
			@Valid @ModelAttribute("card") CardForm card, BindingResult binding, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return invalid(me, code, model, response, locale, "pay", binding);
		}
		return charge(me, code, model, response, locale, redirect, "pay",
				() -> this.subscriptions.payOverdue(MySubscriptionsController.buyer(me), code, card.card()));
	}

	@GetMapping(BASE + "{code}/card")
	String cardPage(@AuthenticationPrincipal SignedInAccount me, @PathVariable String code, Locale locale, Model model,
			HttpServletResponse response) {
		Subscription s = this.pages.find(MySubscriptionsController.buyer(me), code);
		if (s == null) {
			return this.pages.notFound(response);
		}
		if (!s.status().billable()) {
			this.pages.refused(new SubscriptionRefused(SubscriptionRefused.Reason.NOT_ACTIVE, "ended"), model, response,
					locale);
			return MySubscriptionsController.detailPage(this.pages, s, model, locale);
		}
		return cardPage(s, model, locale, Map.of());
	}

	@PostMapping(BASE + "{code}/card")
	String updateCard(@AuthenticationPrincipal SignedInAccount me, @PathVariable String code,
			@Valid @ModelAttribute("card") CardForm card, BindingResult binding, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return invalid(me, code, model, response, locale, "card", binding);
		}
		return charge(me, code, model, response, locale, redirect, "card",
				() -> this.subscriptions.updateCard(MySubscriptionsController.buyer(me), code, card.card()));
	}

	private String payPage(Subscription s, Model model, Locale locale, Map<String, String> errors) {
		this.pages.summary(s, model, locale);
		List<LocalDate> unpaid = s.unpaidDueDates();
		String price = MoneyText.format(s.plan().price(), locale);
		model.addAttribute("unpaid",
				unpaid.stream()
					.map((d) -> new Unpaid(SubscriptionTexts.day(s, BillingCalendar.at(d, s.zone()), locale), price))
					.toList());
		model.addAttribute("total",
				MoneyText.format(s.plan().price().withAmount(s.plan().price().amountMinor() * unpaid.size()), locale));
		model.addAttribute("storedCard", (s.card() != null && !s.cardNeedsUpdate()) ? card(s) : null);
		return form(model, errors, "subscriptions/my-pay");
	}

	private String cardPage(Subscription s, Model model, Locale locale, Map<String, String> errors) {
		this.pages.summary(s, model, locale);
		model.addAttribute("unpaidCount", s.unpaidCount());
		return form(model, errors, "subscriptions/my-card");
	}

	private String form(Model model, Map<String, String> errors, String template) {
		model.addAttribute("errors", errors);
		model.addAttribute("sandbox", this.sandbox);
		return template;
	}

	private String invalid(SignedInAccount me, String code, Model model, HttpServletResponse response, Locale locale,
			String page, BindingResult binding) {
		Subscription s = this.pages.find(MySubscriptionsController.buyer(me), code);
		if (s == null) {
			return this.pages.notFound(response);
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("problem", this.messages.getMessage("subscriptions.card.error.summary", null, locale));
		Map<String, String> errors = CardForm.errors(binding, this.messages, locale);
		return page.equals("pay") ? payPage(s, model, locale, errors) : cardPage(s, model, locale, errors);
	}

	private String charge(SignedInAccount me, String code, Model model, HttpServletResponse response, Locale locale,
			RedirectAttributes redirect, String page, Supplier<Subscription> action) {
		Subscription s = this.pages.find(MySubscriptionsController.buyer(me), code);
		if (s == null) {
			return this.pages.notFound(response);
		}
		try {
			Subscription after = action.get();
			String done = page.equals("pay") ? "subscriptions.my.done.paid" : "subscriptions.my.done.card";
			redirect.addFlashAttribute("notice", this.pages.texts()
				.text(done, locale, card(after), SubscriptionTexts.day(after, after.nextChargeAt(), locale)));
			return "redirect:" + BASE + after.code();
		}
		catch (SubscriptionRefused ex) {
			this.pages.refused(ex, model, response, locale);
			Subscription now = this.pages.find(MySubscriptionsController.buyer(me), code);
			if (ex.reason() == SubscriptionRefused.Reason.CARD_DECLINED
					|| ex.reason() == SubscriptionRefused.Reason.GATEWAY_UNAVAILABLE) {
				if (page.equals("pay") && now.unpaidCount() > 0 && now.status().billable()) {
					return payPage(now, model, locale, Map.of());
				}
				if (page.equals("card") && now.status().billable()) {
					return cardPage(now, model, locale, Map.of());
				}
			}
			return MySubscriptionsController.detailPage(this.pages, now, model, locale);
		}
	}

	private static String card(Subscription s) {
		return (s.card() != null) ? s.card().brand() + " •••• " + s.card().last4() : "";
	}

	/**
	 * One unpaid charge.
	 */
	record Unpaid(String due, String amount) {

	}

}
