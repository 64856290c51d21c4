package io.atrium.catalog.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.atrium.platform.InputLimits;
import io.atrium.accounts.SignedInAccount;
import io.atrium.catalog.CatalogNotFound;
import io.atrium.catalog.Coupon;
import io.atrium.catalog.CouponDetails;
import io.atrium.catalog.Coupons;
import io.atrium.catalog.InvalidCatalogInput;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Product;
import io.atrium.catalog.Products;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A product's coupons: create (optionally for some offers only) and delete
 * ({@code /business/products/{id}/coupons}). Dates are entered in the catalog's time
 * zone.
 */
@Controller
@RequestMapping("/business/products/{productId}/coupons")
class CouponPagesController {

	private final Products products;

	private final Offers offers;

	private final Coupons coupons;

	private final PageSupport pages;

	CouponPagesController(Products products, Offers offers, Coupons coupons, PageSupport pages) {
		this.products = products;
		this.offers = offers;
		this.coupons = coupons;
		this.pages = pages;
	}

	/**
	 * The coupon form as typed: the discount in percent, dates as
	 * {@code yyyy-MM-ddTHH:mm}. Bean Validation checks the shape of each field; the
	 * catalog rules then check what it means (range, end after start, unique code).
	 */
	record CouponForm(String code,
			@Pattern(regexp = "\\s*(\\d{1,3}([.,]\\d{1,10})?)?\\s*",
					message = "{catalog.error.discount.invalid}") String discount,
			@DateTimeText String startsAt, @DateTimeText String endsAt, List<Long> offerIds) {

	}

	@GetMapping("/new")
	String newCoupon(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId, Model model,
			Locale locale) {
		Product product = this.products.own(me.accountId().value(), productId);
		model.addAttribute("form", new CouponForm("", "", "", "", List.of()));
		return formPage(me, model, product, Map.of(), locale);
	}

	@PostMapping
	String create(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@Valid @ModelAttribute("form") CouponForm form, BindingResult binding, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		Product product = this.products.own(me.accountId().value(), productId);
		ZoneId zone = this.pages.zone(me.accountId().value());
		CouponDetails details = new CouponDetails(form.code(),
				binding.hasFieldErrors("discount") ? null : Forms.fraction(form.discount()),
				binding.hasFieldErrors("startsAt") ? null : instant(form.startsAt(), zone),
				binding.hasFieldErrors("endsAt") ? null : instant(form.endsAt(), zone),
				(form.offerIds() != null) ? new HashSet<>(form.offerIds()) : null);
		try {
			if (binding.hasErrors()) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				return formPage(me, model, product, this.pages.errors(binding, this.coupons.problems(details), locale),
						locale);
			}
			Coupon coupon = this.coupons.create(me.accountId().value(), productId, details);
			redirect.addFlashAttribute("notice", "catalog.coupon.created");
			redirect.addFlashAttribute("noticeArg", coupon.code());
			return "redirect:/business/products/" + productId;
		}
		catch (InvalidCatalogInput ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return formPage(me, model, product, this.pages.errors(ex, locale), locale);
		}
	}

	@PostMapping("/{couponId}/delete")
	String delete(@AuthenticationPrincipal SignedInAccount me, @PathVariable long productId,
			@PathVariable long couponId, RedirectAttributes redirect) {
		long producer = me.accountId().value();
		Coupon coupon = this.coupons.find(producer, couponId)
			.filter((c) -> c.productId() == productId)
			.orElseThrow(() -> new CatalogNotFound("No coupon " + couponId + "."));
		this.coupons.delete(producer, coupon.id());
		redirect.addFlashAttribute("notice", "catalog.coupon.deleted");
		redirect.addFlashAttribute("noticeArg", coupon.code());
		return "redirect:/business/products/" + productId;
	}

	/** A date and time {@link DateTimeText} accepted, in the producer's zone. */
	private static Instant instant(String value, ZoneId zone) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return LocalDateTime.parse(value.strip()).truncatedTo(ChronoUnit.MINUTES).atZone(zone).toInstant();
	}

	private String formPage(SignedInAccount me, Model model, Product product, Map<String, String> errors,
			Locale locale) {
		model.addAttribute("product", product);
		model.addAttribute("offers",
				this.offers.offersOf(me.accountId().value(), product.id())
					.stream()
					.map((o) -> OfferLine.of(o, this.pages, locale))
					.toList());
		model.addAttribute("errors", errors);
		model.addAttribute("zone", this.pages.zone(me.accountId().value()).getId());
		return "catalog/coupon-form";
	}

}
