package io.atrium.catalog.web;

import java.math.BigDecimal;
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
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
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

	private final org.springframework.beans.factory.ObjectProvider<io.atrium.catalog.ClubGroupDirectory> groups;

	OfferPagesController(Products products, Offers offers, PageSupport pages,
			org.springframework.beans.factory.ObjectProvider<io.atrium.catalog.ClubGroupDirectory> groups) {
		this.products = products;
		this.offers = offers;
		this.pages = pages;
		this.groups = groups;
	}

	/**
	 * The offer form as typed. Bean Validation checks the shape of each field (a price
	 * with at most two decimals, a known currency, whole numbers); the catalog rules then
	 * check what it means (price above zero, plan limits, the group exists).
	 */
	record OfferForm(String name,
			@Pattern(regexp = "\\s*(\\d{1,11}([.,]\\d{1,2})?)?\\s*",
					message = "{catalog.error.price.invalid}") String price,
			@NotNull(message = "{catalog.error.currency.invalid}") @Pattern(regexp = "BRL|USD|EUR",
					message = "{catalog.error.currency.invalid}") String currency,
			String paymentMode, String period,
			@Pattern(regexp = WHOLE_NUMBER, message = "{catalog.error.whole-number}") String maxCharges,
			@Pattern(regexp = WHOLE_NUMBER, message = "{catalog.error.whole-number}") String trialDays,
			@Pattern(regexp = "\\s*(\\d{1,18})?\\s*",
					message = "{catalog.error.club-group.invalid}") String clubGroupId,
			@Pattern(regexp = WHOLE_NUMBER,
					message = "{catalog.error.max-installments.whole-number}") String maxInstallments) {

		static OfferForm of(Offer offer) {
			OfferDetails d = offer.details();
			RecurringPlan plan = d.plan();
			return new OfferForm(d.name(), Forms.amount(d.price().amountMinor()),
					d.price().currency().getCurrencyCode(), d.paymentMode().name(),
					(plan != null) ? plan.period().name() : BillingPeriod.MONTHLY.name(),
					(plan != null && plan.maxCharges() != null) ? plan.maxCharges().toString() : "",
					(plan != null) ? Integer.toString(plan.trialDays()) : "0",
					(d.clubGroupId() != null) ? d.clubGroupId().toString() : "", Integer.toString(d.maxInstallments()));
		}

		/**
		 * @param binding what Bean Validation found; a field it refused is read as absent
		 * @return what could be read, for the catalog rules
		 */
		OfferDetails details(BindingResult binding) {
			Money price = null;
			if (!binding.hasFieldErrors("price") && !binding.hasFieldErrors("currency") && !blank(this.price)) {
				price = Money.of(
						new BigDecimal(this.price.strip().replace(',', '.')).movePointRight(2).longValueExact(),
						this.currency);
			}
			Integer max = (binding.hasFieldErrors("maxCharges") || blank(this.maxCharges)) ? null
					: Integer.valueOf(this.maxCharges.strip());
			int trial = (binding.hasFieldErrors("trialDays") || blank(this.trialDays)) ? 0
					: Integer.parseInt(this.trialDays.strip());
			Long group = (binding.hasFieldErrors("clubGroupId") || blank(this.clubGroupId)) ? null
					: Long.valueOf(this.clubGroupId.strip());
			// absent (an older form) is one installment; a refused field is 0, which the
			// rules
			// report as out of range only when Bean Validation did not already
			int installments = blank(this.maxInstallments) ? 1
					: binding.hasFieldErrors("maxInstallments") ? 0 : Integer.parseInt(this.maxInstallments.strip());
			BillingPeriod period = Forms.enumValue(BillingPeriod.class, this.period);
			return new OfferDetails(this.name, price, Forms.enumValue(PaymentMode.class, this.paymentMode),
					(period != null) ? new RecurringPlan(period, max, trial) : null, group, installments);
		}

		private static boolean blank(String value) {
			return value == null || value.isBlank();
		}

	}

	/** Digits only, at most nine (so the value fits an int), or nothing. */
	static final String WHOLE_NUMBER = "\\s*(\\d{1,9})?\\s*";

	@GetMapping("/new")
	String newOffer(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, Model model) {
		Product product = this.products.own(me.accountId().value(), productId);
		model.addAttribute("form", new OfferForm("", "", "BRL", PaymentMode.SINGLE.name(), BillingPeriod.MONTHLY.name(),
				"", "0", "", "1"));
		return formPage(model, product, null, Map.of());
	}

	@PostMapping
	String create(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@Valid @ModelAttribute("form") OfferForm form, BindingResult binding, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		Product product = this.products.own(me.accountId().value(), productId);
		return save(form, binding, model, locale, response, redirect, product, null,
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
			@Valid @ModelAttribute("form") OfferForm form, BindingResult binding, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		Product product = this.products.own(me.accountId().value(), productId);
		Offer offer = own(me, productId, offerId);
		return save(form, binding, model, locale, response, redirect, product, offer,
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

	private String save(OfferForm form, BindingResult binding, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect, Product product, Offer offer,
			java.util.function.Function<OfferDetails, Offer> action) {
		OfferDetails details = form.details(binding);
		try {
			if (binding.hasErrors()) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				return formPage(model, product, offer,
						this.pages.errors(binding, this.offers.problems(details), locale));
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
		model.addAttribute("installmentChoices",
				java.util.stream.IntStream.rangeClosed(1, OfferDetails.MAX_INSTALLMENTS).boxed().toList());
		// the members-area group is chosen by name; the form still posts its id
		io.atrium.catalog.ClubGroupDirectory directory = this.groups.getIfAvailable();
		model.addAttribute("clubGroups", (directory != null) ? directory.groupsOf(product.id()) : List.of());
		return "catalog/offer-form";
	}

}
