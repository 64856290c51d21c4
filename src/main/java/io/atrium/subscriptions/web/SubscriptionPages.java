package io.atrium.subscriptions.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import io.atrium.subscriptions.Requester;
import io.atrium.subscriptions.Subscription;
import io.atrium.subscriptions.SubscriptionRefused;
import io.atrium.subscriptions.Subscriptions;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What every subscription page does alike: find the subscription the requester may see
 * (or answer the 404 page), lay one out, and turn a {@link SubscriptionRefused} into a
 * clear message with a 4xx status.
 */
@Component
class SubscriptionPages {

	static final String NOT_FOUND = "subscriptions/not-found";

	private final Subscriptions subscriptions;

	private final SubscriptionTexts texts;

	private final Clock clock;

	SubscriptionPages(Subscriptions subscriptions, SubscriptionTexts texts, Clock clock) {
		this.subscriptions = subscriptions;
		this.texts = texts;
		this.clock = clock;
	}

	/**
	 * @return the subscription, or null (the caller answers {@link #notFound})
	 */
	Subscription find(Requester requester, String code) {
		return this.subscriptions.find(requester, code).orElse(null);
	}

	String notFound(HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		return NOT_FOUND;
	}

	/**
	 * Puts the subscription with its charges and history on the page as {@code view}.
	 */
	SubscriptionView show(Subscription s, Model model, Locale locale) {
		SubscriptionView view = SubscriptionView.of(s, this.subscriptions.charges(s), this.subscriptions.history(s),
				this.texts, this.subscriptions.dunning(s.producerAccountId()), now(), locale);
		model.addAttribute("view", view);
		return view;
	}

	/**
	 * Puts the subscription's summary on the page as {@code view} (confirmation pages).
	 */
	SubscriptionView summary(Subscription s, Model model, Locale locale) {
		SubscriptionView view = SubscriptionView.of(s, this.texts, this.subscriptions.dunning(s.producerAccountId()),
				now(), locale);
		model.addAttribute("view", view);
		return view;
	}

	/**
	 * Sets the answer's status for a refusal and puts its message on the page as
	 * {@code problem}.
	 */
	void refused(SubscriptionRefused ex, Model model, HttpServletResponse response, Locale locale) {
		response.setStatus(status(ex.reason()).value());
		String key = "subscriptions.refused." + ex.reason().name();
		model.addAttribute("problem",
				(ex.reason() == SubscriptionRefused.Reason.CARD_DECLINED)
						? this.texts.text(key, locale,
								(ex.declineReason() != null) ? this.texts.decline(ex.declineReason(), locale)
										: this.texts.text("subscriptions.page.decline.unknown", locale))
						: this.texts.text(key, locale));
	}

	static HttpStatus status(SubscriptionRefused.Reason reason) {
		return switch (reason) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case INVALID_DUE_DAY, INVALID_PLAN -> HttpStatus.UNPROCESSABLE_CONTENT;
			case CARD_DECLINED -> HttpStatus.PAYMENT_REQUIRED;
			case GATEWAY_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
			case ALREADY_CANCELLED, ALREADY_ACTIVE, IN_TRIAL, NOT_ACTIVE, NO_REACTIVATION_OFFER -> HttpStatus.CONFLICT;
		};
	}

	SubscriptionTexts texts() {
		return this.texts;
	}

	Subscriptions subscriptions() {
		return this.subscriptions;
	}

	Instant now() {
		return this.clock.instant();
	}

}
