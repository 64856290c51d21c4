package io.atrium.subscriptions.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.atrium.accounts.SignedInAccount;
import io.atrium.catalog.BillingPeriod;
import io.atrium.checkout.MoneyText;
import io.atrium.subscriptions.BillingCalendar;
import io.atrium.subscriptions.PlanSwitchQuote;
import io.atrium.subscriptions.Requester;
import io.atrium.subscriptions.Subscription;
import io.atrium.subscriptions.SubscriptionRefused;
import io.atrium.subscriptions.SubscriptionStatus;
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
 * What a producer does to one of their subscriptions, each after a confirmation page that
 * says what will happen: cancel (with or without the e-mail to the subscriber), offer a
 * reactivation (with or without a charge), change the due day, and switch plan (the
 * confirmation shows the amount charged now and when the new plan applies). A refusal
 * answers the subscription's page with the reason and a 4xx status.
 */
@Controller
class ProducerSubscriptionActionsController {

	private static final String BASE = "/business/subscriptions/";

	private final SubscriptionPages pages;

	private final Subscriptions subscriptions;

	ProducerSubscriptionActionsController(SubscriptionPages pages, Subscriptions subscriptions) {
		this.pages = pages;
		this.subscriptions = subscriptions;
	}

	/**
	 * Lays out a subscription's page for its producer (or an admin).
	 */
	static String detailPage(SubscriptionPages pages, Requester requester, Subscription s, Model model, Locale locale) {
		SubscriptionView view = pages.show(s, model, locale);
		List<SwitchChoice> choices = view.active() ? pages.subscriptions()
			.switchOptions(requester, s.code())
			.stream()
			.map((o) -> new SwitchChoice(o.plan().offerCode(),
					o.plan().name() + " — " + pages.texts().price(o.plan(), locale)))
			.toList() : List.of();
		model.addAttribute("switchChoices", choices);
		model.addAttribute("base", BASE + s.code());
		return "subscriptions/detail";
	}

	@GetMapping(BASE + "{code}/cancel")
	String confirmCancel(@AuthenticationPrincipal SignedInAccount me, @PathVariable String code, Locale locale,
			Model model, HttpServletResponse response) {
		return confirm(me, code, model, response, locale, (s) -> {
			if (!SubscriptionView.CANCELLABLE.contains(s.status())) {
				throw new SubscriptionRefused(SubscriptionRefused.Reason.ALREADY_CANCELLED, "cancelled");
			}
			List<String> lead = new ArrayList<>();
			lead.add(text("subscriptions.confirm.cancel.no-charges", locale, s.subscriber().name()));
			lead.add(accessEnd(s, locale));
			return new Confirmation("cancel", "subscriptions.confirm.cancel.heading", lead, BASE + s.code() + "/cancel",
					BASE + s.code(), "subscriptions.action.cancel.confirm", true, Map.of());
		});
	}

	@PostMapping(BASE + "{code}/cancel")
	String cancel(@AuthenticationPrincipal SignedInAccount me, @PathVariable String code,
			@RequestParam(name = "send_mail", defaultValue = "false") boolean sendMail, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return act(me, code, model, response, locale, redirect, "subscriptions.done.cancelled",
				() -> this.subscriptions.cancel(producer(me), code, sendMail));
	}

	@GetMapping(BASE + "{code}/reactivate")
	String confirmOffer(@AuthenticationPrincipal SignedInAccount me, @PathVariable String code, Locale locale,
			Model model, HttpServletResponse response) {
		return confirm(me, code, model, response, locale, (s) -> {
			s.checkReactivatable();
			List<String> lead = List.of(text("subscriptions.confirm.offer.lead", locale, s.subscriber().name()));
			model.addAttribute("chargeAmount", MoneyText.format(s.plan().price(), locale));
			return new Confirmation("offer", "subscriptions.confirm.offer.heading", lead,
					BASE + s.code() + "/reactivate", BASE + s.code(), "subscriptions.action.offer.confirm", false,
					Map.of());
		});
	}

	@PostMapping(BASE + "{code}/reactivate")
	String offer(@AuthenticationPrincipal SignedInAccount me, @PathVariable String code,
			@RequestParam(defaultValue = "false") boolean charge, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return act(me, code, model, response, locale, redirect, "subscriptions.done.offered",
				() -> this.subscriptions.offerReactivation(producer(me), code, charge));
	}

	@GetMapping(BASE + "{code}/due-day")
	String confirmDueDay(@AuthenticationPrincipal SignedInAccount me, @PathVariable String code,
			@RequestParam(required = false) String day, Locale locale, Model model, HttpServletResponse response) {
		return confirm(me, code, model, response, locale, (s) -> {
			int chosen = dueDay(day, s);
			if (s.inTrial()) {
				throw new SubscriptionRefused(SubscriptionRefused.Reason.IN_TRIAL, "in trial");
			}
			if (s.status() != SubscriptionStatus.ACTIVE && s.status() != SubscriptionStatus.DELAYED) {
				throw new SubscriptionRefused(SubscriptionRefused.Reason.NOT_ACTIVE, "not active");
			}
			Instant from = BillingCalendar.at(BillingCalendar.next(s.nextChargeDate(), s.plan().period(), chosen),
					s.zone());
			String when = (s.plan().period() == BillingPeriod.WEEKLY)
					? DayOfWeek.of(chosen).getDisplayName(TextStyle.FULL, locale) : String.valueOf(chosen);
			List<String> lead = List.of(text(
					(s.plan().period() == BillingPeriod.WEEKLY) ? "subscriptions.confirm.due-day.weekly"
							: "subscriptions.confirm.due-day.lead",
					locale, when, SubscriptionTexts.day(s, from, locale),
					SubscriptionTexts.day(s, s.nextChargeAt(), locale)));
			return new Confirmation("due-day", "subscriptions.confirm.due-day.heading", lead,
					BASE + s.code() + "/due-day", BASE + s.code(), "subscriptions.action.due-day.confirm", false,
					Map.of("day", String.valueOf(chosen)));
		});
	}

	@PostMapping(BASE + "{code}/due-day")
	String changeDueDay(@AuthenticationPrincipal SignedInAccount me, @PathVariable String code,
			@RequestParam(required = false) String day, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return act(me, code, model, response, locale, redirect, "subscriptions.done.due-day",
				() -> this.subscriptions.changeDueDay(producer(me), code, dueDay(day, null)));
	}

	@GetMapping(BASE + "{code}/switch")
	String previewSwitch(@AuthenticationPrincipal SignedInAccount me, @PathVariable String code,
			@RequestParam(required = false) String offer, Locale locale, Model model, HttpServletResponse response) {
		return confirm(me, code, model, response, locale, (s) -> {
			Subscriptions.SwitchOption option = this.subscriptions.previewSwitch(producer(me), code, offer);
			List<String> lead = switchLead(s, option, locale, this.pages.texts());
			return new Confirmation("switch", "subscriptions.confirm.switch.heading", lead, BASE + s.code() + "/switch",
					BASE + s.code(), "subscriptions.action.switch.confirm", false,
					Map.of("offer", option.plan().offerCode()));
		});
	}

	@PostMapping(BASE + "{code}/switch")
	String switchPlan(@AuthenticationPrincipal SignedInAccount me, @PathVariable String code,
			@RequestParam(required = false) String offer, Locale locale, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		return act(me, code, model, response, locale, redirect, "subscriptions.done.switched",
				() -> this.subscriptions.switchPlan(producer(me), code, offer));
	}

	/**
	 * What a plan switch will do, in plain words.
	 */
	static List<String> switchLead(Subscription s, Subscriptions.SwitchOption option, Locale locale,
			SubscriptionTexts texts) {
		PlanSwitchQuote quote = option.quote();
		String to = option.plan().name() + " — " + texts.price(option.plan(), locale);
		List<String> lead = new ArrayList<>();
		lead.add(texts.text("subscriptions.confirm.switch.from-to", locale, s.plan().name(), to));
		switch (quote.kind()) {
			case UPGRADE -> {
				lead.add(texts.text("subscriptions.confirm.switch.upgrade", locale,
						MoneyText.format(quote.chargeNow(), locale),
						SubscriptionTexts.when(s, quote.effectiveAt(), locale)));
				if (quote.newCycle()) {
					lead.add(texts.text("subscriptions.confirm.switch.new-cycle", locale,
							MoneyText.format(quote.credit(), locale)));
				}
			}
			case DOWNGRADE -> lead.add(texts.text("subscriptions.confirm.switch.downgrade", locale,
					SubscriptionTexts.day(s, quote.effectiveAt(), locale)));
			case TRIAL_CHANGE -> lead.add(texts.text("subscriptions.confirm.switch.trial", locale));
		}
		return lead;
	}

	private String accessEnd(Subscription s, Locale locale) {
		Instant paidUntil = s.nextChargeAt();
		boolean continues = s.unpaidCount() == 0 && paidUntil != null && paidUntil.isAfter(this.pages.now());
		return continues
				? text("subscriptions.confirm.cancel.until", locale, SubscriptionTexts.when(s, paidUntil, locale))
				: text("subscriptions.confirm.cancel.now", locale);
	}

	/**
	 * @param day the due day as typed
	 * @param s the subscription, to check the range, or null to leave it to the domain
	 */
	private static int dueDay(String day, Subscription s) {
		String text = (day != null) ? day.strip() : "";
		int max = (s != null) ? BillingCalendar.maxDueDay(s.plan().period()) : Integer.MAX_VALUE;
		if (!text.matches("\\d{1,2}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > max) {
			throw new SubscriptionRefused(SubscriptionRefused.Reason.INVALID_DUE_DAY, "Due day " + day);
		}
		return Integer.parseInt(text);
	}

	private String confirm(SignedInAccount me, String code, Model model, HttpServletResponse response, Locale locale,
			java.util.function.Function<Subscription, Confirmation> content) {
		Requester producer = producer(me);
		Subscription s = this.pages.find(producer, code);
		if (s == null) {
			return this.pages.notFound(response);
		}
		try {
			Confirmation confirmation = content.apply(s);
			this.pages.summary(s, model, locale);
			model.addAttribute("confirm", confirmation);
			return "subscriptions/confirm";
		}
		catch (SubscriptionRefused ex) {
			this.pages.refused(ex, model, response, locale);
			return detailPage(this.pages, producer, s, model, locale);
		}
	}

	private String act(SignedInAccount me, String code, Model model, HttpServletResponse response, Locale locale,
			RedirectAttributes redirect, String done, Supplier<Subscription> action) {
		Requester producer = producer(me);
		Subscription s = this.pages.find(producer, code);
		if (s == null) {
			return this.pages.notFound(response);
		}
		try {
			Subscription after = action.get();
			redirect.addFlashAttribute("notice", text(done, locale, after.subscriber().name()));
			return "redirect:" + BASE + after.code();
		}
		catch (SubscriptionRefused ex) {
			this.pages.refused(ex, model, response, locale);
			Subscription now = this.pages.find(producer, code);
			return detailPage(this.pages, producer, (now != null) ? now : s, model, locale);
		}
	}

	private String text(String key, Locale locale, Object... args) {
		return this.pages.texts().text(key, locale, args);
	}

	private static Requester producer(SignedInAccount me) {
		return Requester.producer(me.accountId().value());
	}

	/**
	 * A plan the subscription may switch to.
	 */
	record SwitchChoice(String offerCode, String label) {

	}

}
