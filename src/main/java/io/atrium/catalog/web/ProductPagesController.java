package io.atrium.catalog.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.atrium.accounts.SignedInAccount;
import io.atrium.catalog.Coupon;
import io.atrium.catalog.Coupons;
import io.atrium.catalog.Delivery;
import io.atrium.catalog.DeliveryKind;
import io.atrium.catalog.ImageChange;
import io.atrium.catalog.InvalidCatalogInput;
import io.atrium.catalog.Offer;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Product;
import io.atrium.catalog.ProductDetails;
import io.atrium.catalog.ProductFilter;
import io.atrium.catalog.ProductFormat;
import io.atrium.catalog.ProductStatus;
import io.atrium.catalog.Products;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The producer's products: the list ({@code /business/products}), create and edit forms
 * (with image upload) and the product page with its offers and coupons.
 */
@Controller
@RequestMapping("/business/products")
class ProductPagesController {

	private final Products products;

	private final Offers offers;

	private final Coupons coupons;

	private final PageSupport pages;

	ProductPagesController(Products products, Offers offers, Coupons coupons, PageSupport pages) {
		this.products = products;
		this.offers = offers;
		this.coupons = coupons;
		this.pages = pages;
	}

	/**
	 * The product form as typed. Bean Validation checks the shape of a field (the
	 * guarantee is a whole number of days); the catalog rules then check what it means
	 * (required fields, lengths, the support address, the allowed guarantees), as they do
	 * for the API.
	 */
	record ProductForm(String name, String description, String supportEmail, String format, String status,
			@Pattern(regexp = OfferPagesController.WHOLE_NUMBER,
					message = "{catalog.error.warranty.invalid}") String warrantyDays,
			String deliveryKind, String externalUrl, String accessInstructions, Boolean removeImage) {

		static ProductForm of(Product product) {
			ProductDetails d = product.details();
			return new ProductForm(d.name(), d.description(), d.supportEmail(), d.format().name(), d.status().name(),
					Integer.toString(d.warrantyDays()), d.delivery().kind().name(), d.delivery().externalUrl(),
					d.delivery().accessInstructions(), false);
		}

		/**
		 * @param binding what Bean Validation found; a field it refused is read as absent
		 * @return what could be read, for the catalog rules
		 */
		ProductDetails details(BindingResult binding) {
			Integer warranty = (binding.hasFieldErrors("warrantyDays") || this.warrantyDays == null
					|| this.warrantyDays.isBlank()) ? null : Integer.valueOf(this.warrantyDays.strip());
			DeliveryKind kind = Forms.enumValue(DeliveryKind.class, this.deliveryKind);
			return new ProductDetails(this.name, this.description, this.supportEmail,
					Forms.enumValue(ProductFormat.class, this.format),
					Forms.enumValue(ProductStatus.class, this.status), (warranty != null) ? warranty : 0,
					(kind != null) ? new Delivery(kind, this.externalUrl, this.accessInstructions) : null);
		}

	}

	/**
	 * One line of the product list.
	 */
	record Line(long id, String name, String status, String format, int offerCount) {

	}

	@GetMapping
	String list(@AuthenticationPrincipal SignedInAccount me, Model model) {
		List<Line> lines = this.products.list(me.accountId().value(), ProductFilter.NONE, null, 0, 1000)
			.stream()
			.map((p) -> new Line(p.id(), p.details().name(), p.details().status().name(), p.details().format().name(),
					p.offerCount()))
			.toList();
		model.addAttribute("products", lines);
		return "catalog/products";
	}

	@GetMapping("/new")
	String newProduct(@AuthenticationPrincipal SignedInAccount me, Model model) {
		model.addAttribute("form", new ProductForm("", "", me.email(), ProductFormat.ONLINE_COURSE.name(),
				ProductStatus.DRAFT.name(), "7", DeliveryKind.MEMBERS_AREA.name(), "", "", false));
		return formPage(model, null, Map.of());
	}

	@PostMapping
	String create(@AuthenticationPrincipal SignedInAccount me, @Valid @ModelAttribute("form") ProductForm form,
			BindingResult binding, @RequestParam(name = "image", required = false) MultipartFile image, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		ProductDetails details = form.details(binding);
		ImageChange change = imageChange(image, false);
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return formPage(model, null, this.pages.errors(binding, this.products.problems(details, change), locale));
		}
		try {
			Product product = this.products.create(me.accountId().value(), details, change);
			redirect.addFlashAttribute("notice", "catalog.product.created");
			return "redirect:/business/products/" + product.id();
		}
		catch (InvalidCatalogInput ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return formPage(model, null, this.pages.errors(ex, locale));
		}
	}

	@GetMapping("/{id}")
	String show(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id, Model model, Locale locale) {
		long producer = me.accountId().value();
		Product product = this.products.own(producer, id);
		List<Offer> offers = this.offers.offersOf(producer, id);
		List<Coupon> coupons = this.coupons.couponsOf(producer, id);
		model.addAttribute("product", ProductView.of(product, this.pages, locale));
		model.addAttribute("offers", offers.stream().map((o) -> OfferLine.of(o, this.pages, locale)).toList());
		model.addAttribute("coupons",
				coupons.stream()
					.map((c) -> CouponLine.of(c, offers, this.pages, this.pages.zone(me.accountId().value()), locale))
					.toList());
		return "catalog/product";
	}

	@GetMapping("/{id}/edit")
	String edit(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id, Model model) {
		Product product = this.products.own(me.accountId().value(), id);
		model.addAttribute("form", ProductForm.of(product));
		return formPage(model, product, Map.of());
	}

	@PostMapping("/{id}")
	String update(@AuthenticationPrincipal SignedInAccount me, @PathVariable long id,
			@Valid @ModelAttribute("form") ProductForm form, BindingResult binding,
			@RequestParam(name = "image", required = false) MultipartFile image, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) throws IOException {
		Product product = this.products.own(me.accountId().value(), id);
		ProductDetails details = form.details(binding);
		ImageChange change = imageChange(image, Boolean.TRUE.equals(form.removeImage()));
		if (binding.hasErrors()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return formPage(model, product,
					this.pages.errors(binding, this.products.problems(details, change), locale));
		}
		try {
			this.products.update(me.accountId().value(), id, details, change);
			redirect.addFlashAttribute("notice", "catalog.product.saved");
			return "redirect:/business/products/" + id;
		}
		catch (InvalidCatalogInput ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return formPage(model, product, this.pages.errors(ex, locale));
		}
	}

	private String formPage(Model model, Product product, Map<String, String> errors) {
		model.addAttribute("product", product);
		model.addAttribute("errors", errors);
		model.addAttribute("formats", ProductFormat.values());
		model.addAttribute("statuses", ProductStatus.values());
		model.addAttribute("warranties", ProductDetails.WARRANTY_DAYS);
		model.addAttribute("deliveryKinds", DeliveryKind.values());
		return "catalog/product-form";
	}

	private static ImageChange imageChange(MultipartFile image, boolean remove) throws IOException {
		if (image != null && !image.isEmpty()) {
			return ImageChange.upload(image.getBytes());
		}
		return remove ? ImageChange.removeImage() : ImageChange.keep();
	}

}
