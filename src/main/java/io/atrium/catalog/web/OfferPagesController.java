package io.atrium.catalog.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.atrium.accounts.SignedInAccount;
import io.atrium.catalog.BillingPeriod;
import io.atrium.catalog.InvalidCatalogInput;
import io.atrium.catalog.Offer;
import io.atrium.catalog.OfferDetails;
import io.atrium.catalog.Offers;
import io.atrium.catalog.PaymentMode;
import io.atrium.catalog.Product;
import io.atrium.catalog.Products;
import io.atrium.catalog.RecurringPlan;
import io.atrium.shared.Money;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A product's offers: create, edit, make main ({@code /business/products/{id}/offers}).
 */
@Controller
@RequestMapping("/business/products/{productId}/offers")
class OfferPagesController {

	private final Products products;

	private final Offers offers;

	private final PageSupport pages;

	OfferPagesController(Products products, Offers offers, PageSupport pages) {
		this.products = products;
		this.offers = offers;
		this.pages = pages;
	}

	/**
	 * The offer form as typed.
	 */
	record OfferForm(String name, String price, String currency, String paymentMode, String period, String maxCharges,
			String trialDays, String clubGroupId) {

		static OfferForm of(Offer offer) {
			OfferDetails d = offer.details();
			RecurringPlan plan = d.plan();
			return new OfferForm(d.name(), Forms.amount(d.price().amountMinor()),
					d.price().currency().getCurrencyCode(), d.paymentMode().name(),
					(plan != null) ? plan.period().name() : BillingPeriod.MONTHLY.name(),
					(plan != null && plan.maxCharges() != null) ? plan.maxCharges().toString() : "",
					(plan != null) ? Integer.toString(plan.trialDays()) : "0",
					(d.clubGroupId() != null) ? d.clubGroupId().toString() : "");
		}

		/**
		 * Reads the form, noting what cannot be read.
		 */
		OfferDetails details(List<InvalidCatalogInput.Violation> problems) {
			Money price = null;
			Long amount = Forms.minorUnits(this.price);
			boolean currencyKnown = this.currency != null && Money.SUPPORTED.contains(this.currency);
			if (!currencyKnown) {
				problems.add(violation("currency", "currency.invalid", "Choose BRL, USD or EUR."));
			}
			if (amount == null && this.price != null && !this.price.isBlank()) {
				problems.add(violation("price", "price.invalid", "Enter a price such as 49.90."));
			}
			else if (amount != null && currencyKnown) {
				price = Money.of(amount, this.currency);
			}
			Integer max = null;
			if (this.maxCharges != null && !this.maxCharges.isBlank()) {
				max = Forms.integer(this.maxCharges);
				if (max == null) {
					problems.add(violation("maxCharges", "max-charges.range",
							"The number of charges is between 1 and 999.", OfferDetails.MAX_CHARGES));
				}
			}
			Integer trial = (this.trialDays == null || this.trialDays.isBlank()) ? Integer.valueOf(0)
					: Forms.integer(this.trialDays);
			if (trial == null) {
				problems.add(violation("trialDays", "trial.range", "The free trial is between 0 and 365 days.",
						OfferDetails.MAX_TRIAL_DAYS));
				trial = 0;
			}
			Long group = null;
			if (this.clubGroupId != null && !this.clubGroupId.isBlank()) {
				Integer parsed = Forms.integer(this.clubGroupId);
				if (parsed == null) {
					problems.add(violation("clubGroupId", "club-group.invalid",
							"The members-area group id must be a positive number."));
				}
				else {
					group = parsed.longValue();
				}
			}
			BillingPeriod period = Forms.enumValue(BillingPeriod.class, this.period);
			return new OfferDetails(this.name, price, Forms.enumValue(PaymentMode.class, this.paymentMode),
					(period != null) ? new RecurringPlan(period, max, trial) : null, group);
		}

		private static InvalidCatalogInput.Violation violation(String field, String code, String message,
				Object... args) {
			return new InvalidCatalogInput.Violation(field, code, message, List.of(args));
		}

	}

	@GetMapping("/new")
	String newOffer(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, Model model) {
		Product product = this.products.own(me.accountId().value(), productId);
		model.addAttribute("form",
				new OfferForm("", "", "BRL", PaymentMode.SINGLE.name(), BillingPeriod.MONTHLY.name(), "", "0", ""));
		return formPage(model, product, null, Map.of());
	}

	@PostMapping
	String create(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@ModelAttribute("form") OfferForm form, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		Product product = this.products.own(me.accountId().value(), productId);
		return save(form, model, locale, response, redirect, product, null,
				(details) -> this.offers.create(me.accountId().value(), productId, details));
	}

	@GetMapping("/{offerId}/edit")
	String edit(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long offerId,
			Model model) {
		Product product = this.products.own(me.accountId().value(), productId);
		Offer offer = own(me, productId, offerId);
		model.addAttribute("form", OfferForm.of(offer));
		return formPage(model, product, offer, Map.of());
	}

	@PostMapping("/{offerId}")
	String update(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, @PathVariable long offerId,
			@ModelAttribute("form") OfferForm form, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		Product product = this.products.own(me.accountId().value(), productId);
		Offer offer = own(me, productId, offerId);
		return save(form, model, locale, response, redirect, product, offer,
				(details) -> this.offers.update(me.accountId().value(), productId, offerId, details));
	}

	@PostMapping("/{offerId}/main")
	String makeMain(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@PathVariable long offerId, RedirectAttributes redirect) {
		Offer offer = this.offers.makeMain(me.accountId().value(), productId, offerId);
		redirect.addFlashAttribute("notice", "catalog.offer.made-main");
		redirect.addFlashAttribute("noticeArg", offer.details().name());
		return "redirect:/business/products/" + productId;
	}

	private String save(OfferForm form, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect, Product product, Offer offer,
			java.util.function.Function<OfferDetails, Offer> action) {
		List<InvalidCatalogInput.Violation> problems = new ArrayList<>();
		OfferDetails details = form.details(problems);
		try {
			if (!problems.isEmpty()) {
				problems.addAll(this.offers.problems(details));
				throw new InvalidCatalogInput(problems);
			}
			Offer saved = action.apply(details);
			redirect.addFlashAttribute("notice", (offer == null) ? "catalog.offer.created" : "catalog.offer.saved");
			redirect.addFlashAttribute("noticeArg", saved.details().name());
			return "redirect:/business/products/" + product.id();
		}
		catch (InvalidCatalogInput ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return formPage(model, product, offer, this.pages.errors(ex, locale));
		}
	}

	private Offer own(SignedInAccount me, long productId, long offerId) {
		return this.offers.find(me.accountId().value(), productId, offerId)
			.orElseThrow(() -> new io.atrium.catalog.CatalogNotFound("No offer " + offerId + "."));
	}

	private String formPage(Model model, Product product, Offer offer, Map<String, String> errors) {
		model.addAttribute("product", product);
		model.addAttribute("offer", offer);
		model.addAttribute("errors", errors);
		model.addAttribute("currencies", List.of("BRL", "USD", "EUR"));
		model.addAttribute("periods", BillingPeriod.values());
		return "catalog/offer-form";
	}

}
