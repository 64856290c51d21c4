package io.atrium.subscriptions.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import io.atrium.accounts.SignedInAccount;
import io.atrium.checkout.MoneyText;
import io.atrium.subscriptions.BillingCalendar;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My subscriptions" ({@code /my/subscriptions}): the signed-in buyer's subscriptions,
 * each one's page ({@code /my/subscriptions/{code}}, where the e-mails link) with its
 * next charge or last day of access and its charges, and cancelling or reactivating it
 * after a confirmation that says what happens (until when access continues; whether a
 * charge is made). Paying what is overdue and changing the card are
 * {@link MyPaymentsController}. Another buyer's code answers 404.
 */
@Controller
class MySubscriptionsController {

	static final String BASE = "/my/subscriptions/";

	private final SubscriptionPages pages;

	private final Subscriptions subscriptions;

	MySubscriptionsController(SubscriptionPages pages, Subscriptions subscriptions) {
		this.pages = pages;
		this.subscriptions = subscriptions;
	}

	@GetMapping("/my/subscriptions")
	String list(@AuthenticationPrincipal SignedInAccount me, Locale locale, Model model) {
		Instant now = this.pages.now();
		model.addAttribute("views",
				this.subscriptions.ofBuyer(me.accountId().value())
					.stream()
					.map((s) -> SubscriptionView.of(s, this.pages.texts(),
							this.subscriptions.dunning(s.producerAccountId()), now, locale))
					.toList());
		return "subscriptions/my-list";
	}

	@GetMapping(BASE + "{code}")
	String detail(@AuthenticationPrincipal SignedInAccount me, @PathVariable String code, Locale locale, Model model,
			HttpServletResponse response) {
		Subscription s = this.pages.find(buyer(me), code);
		if (s == null) {
			return this.pages.notFound(response);
		}
		return detailPage(this.pages, s, model, locale);
	}

	/**
	 * Lays out a subscription's page for its subscriber.
	 */
	static String detailPage(SubscriptionPages pages, Subscription s, Model model, Locale locale) {
		pages.show(s, model, locale);
		model.addAttribute("base", BASE + s.code());
		model.addAttribute("offerOpen", s.reactivationOffered(pages.now()));
		return "subscriptions/my-detail";
	}

	@GetMapping(BASE + "{code}/cancel")
	String confirmCancel(@AuthenticationPrincipal SignedInAccount me, @PathVariable String code, Locale locale,
			Model model, HttpServletResponse response) {
		return confirm(me, code, model, response, locale, (s) -> {
			if (!SubscriptionView.CANCELLABLE.contains(s.status())) {
				throw new SubscriptionRefused(SubscriptionRefused.Reason.ALREADY_CANCELLED, "cancelled");
			}
			Instant paidUntil = s.nextChargeAt();
			boolean continues = s.unpaidCount() == 0 && paidUntil != null && paidUntil.isAfter(this.pages.now());
			List<String> lead = new ArrayList<>();
			lead.add(text("subscriptions.my.cancel.no-charges", locale));
			lead.add(continues
					? text("subscriptions.my.cancel.until", locale, SubscriptionTexts.when(s, paidUntil, locale))
					: text("subscriptions.my.cancel.now", locale));
			if (continues) {
				lead.add(text("subscriptions.my.cancel.undo", locale));
			}
			return new Confirmation("my-cancel", "subscriptions.my.cancel.heading", lead, BASE + s.code() + "/cancel",
					BASE + s.code(), "subscriptions.my.cancel.confirm", true, Map.of());
		});
	}

	@PostMapping(BASE + "{code}/cancel")
	String cancel(@AuthenticationPrincipal SignedInAccount me, @PathVariable String code, Locale locale, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		return act(me, code, model, response, locale, redirect,
				(after) -> text("subscriptions.my.done.cancelled", locale,
						SubscriptionTexts.when(after, after.accessUntil(), locale)),
				() -> this.subscriptions.cancel(buyer(me), code, true));
	}

	@GetMapping(BASE + "{code}/reactivate")
	String confirmReactivate(@AuthenticationPrincipal SignedInAccount me, @PathVariable String code, Locale locale,
			Model model, HttpServletResponse response) {
		Subscription found = this.pages.find(buyer(me), code);
		if (found != null && found.status() == SubscriptionStatus.OVERDUE) {
			return "redirect:" + BASE + found.code() + "/pay";
		}
		return confirm(me, code, model, response, locale, (s) -> {
			s.checkReactivatable();
			return new Confirmation("my-reactivate", "subscriptions.my.reactivate.heading", reactivationLead(s, locale),
					BASE + s.code() + "/reactivate", BASE + s.code(), "subscriptions.my.reactivate.confirm", false,
					Map.of());
		});
	}

	@PostMapping(BASE + "{code}/reactivate")
	String reactivate(@AuthenticationPrincipal SignedInAccount me, @PathVariable String code, Locale locale,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		return act(me, code, model, response, locale, redirect,
				(after) -> text("subscriptions.my.done.reactivated", locale,
						SubscriptionTexts.day(after, after.nextChargeAt(), locale)),
				() -> this.subscriptions.reactivate(buyer(me), code));
	}

	/**
	 * What reactivating will do: whether a charge is made now and when the next one is.
	 */
	private List<String> reactivationLead(Subscription s, Locale locale) {
		Instant now = this.pages.now();
		boolean offered = s.reactivationOffered(now);
		boolean withinPaidPeriod = s.accessUntil() != null && now.isBefore(s.accessUntil());
		boolean charge = offered ? Boolean.TRUE.equals(s.reactivationCharge()) : !withinPaidPeriod;
		List<String> lead = new ArrayList<>();
		if (offered) {
			lead.add(text("subscriptions.my.reactivate.offer", locale, SubscriptionTexts.when(s,
					s.reactivationOfferedAt().plus(Subscriptions.REACTIVATION_VALIDITY), locale)));
		}
		String price = MoneyText.format(s.plan().price(), locale);
		if (charge) {
			String card = (s.card() != null) ? s.card().brand() + " •••• " + s.card().last4() : "";
			lead.add(text("subscriptions.my.reactivate.charge", locale, price, card));
		}
		else {
			LocalDate today = LocalDate.ofInstant(now, s.zone());
			Instant next = (s.nextChargeDate() != null && s.nextChargeDate().isAfter(today)) ? s.nextChargeAt()
					: BillingCalendar.at(BillingCalendar.onOrAfter(today.plusDays(1), s.plan().period(), s.dueDay()),
							s.zone());
			lead.add(text("subscriptions.my.reactivate.free", locale, SubscriptionTexts.day(s, next, locale), price));
		}
		return lead;
	}

	private String confirm(SignedInAccount me, String code, Model model, HttpServletResponse response, Locale locale,
			Function<Subscription, Confirmation> content) {
		Subscription s = this.pages.find(buyer(me), code);
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
			return detailPage(this.pages, s, model, locale);
		}
	}

	private String act(SignedInAccount me, String code, Model model, HttpServletResponse response, Locale locale,
			RedirectAttributes redirect, Function<Subscription, String> done, Supplier<Subscription> action) {
		Subscription s = this.pages.find(buyer(me), code);
		if (s == null) {
			return this.pages.notFound(response);
		}
		try {
			Subscription after = action.get();
			redirect.addFlashAttribute("notice", done.apply(after));
			return "redirect:" + BASE + after.code();
		}
		catch (SubscriptionRefused ex) {
			this.pages.refused(ex, model, response, locale);
			Subscription now = this.pages.find(buyer(me), code);
			return detailPage(this.pages, (now != null) ? now : s, model, locale);
		}
	}

	private String text(String key, Locale locale, Object... args) {
		return this.pages.texts().text(key, locale, args);
	}

	static Requester buyer(SignedInAccount me) {
		return Requester.buyer(me.accountId().value());
	}

}
