package io.atrium.catalog.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.atrium.api.CompatiblePages;
import io.atrium.api.ApiClient;
import io.atrium.api.ApiException;
import io.atrium.api.CompatibleApiController;
import io.atrium.catalog.Offer;
import io.atrium.catalog.OfferDetails;
import io.atrium.catalog.Offers;
import io.atrium.catalog.PaymentMode;
import io.atrium.catalog.Product;
import io.atrium.catalog.ProductFilter;
import io.atrium.catalog.ProductFormat;
import io.atrium.catalog.ProductStatus;
import io.atrium.catalog.Products;
import io.atrium.shared.Money;
import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Hotmart-compatible products API (hotmart-api.md §5.1 to §5.3): products, offers and
 * plans of the calling producer.
 */
@CompatibleApiController
@Hidden
class CompatibleProductsController {

	/** Documented statuses Atrium never has: valid filters that match nothing. */
	private static final Set<String> OTHER_STATUSES = Set.of("NOT_APPROVED", "IN_REVIEW", "DELETED",
			"CHANGES_PENDING_ON_PRODUCT");

	/** Documented formats Atrium never has. */
	private static final Set<String> OTHER_FORMATS = Set.of("EBOOK", "SOFTWARE", "MOBILE_APPS", "VIDEOS", "AUDIOS",
			"TEMPLATES", "IMAGES", "SERIAL_CODES", "ETICKET", "ONLINE_SERVICE", "BUNDLE", "AGENT");

	private static final Map<String, ProductFormat> FORMATS = Map.of("ONLINE_COURSE", ProductFormat.ONLINE_COURSE,
			"COMMUNITY", ProductFormat.SUBSCRIPTION, "ONLINE_EVENT", ProductFormat.ONLINE_EVENT);

	private final Products products;

	private final Offers offers;

	CompatibleProductsController(Products products, Offers offers) {
		this.products = products;
		this.offers = offers;
	}

	@GetMapping("/products/api/v1/products")
	CompatiblePages.Page<ProductItem> products(@AuthenticationPrincipal ApiClient client,
			@RequestParam(name = "max_results", required = false) Integer maxResults,
			@RequestParam(name = "page_token", required = false) String pageToken,
			@RequestParam(required = false) Long id, @RequestParam(required = false) String status,
			@RequestParam(required = false) String format) {
		CompatiblePages.Request page = CompatiblePages.Request.of(maxResults, pageToken);
		ProductStatus statusFilter = null;
		if (status != null && !status.isBlank()) {
			statusFilter = Forms.enumValue(ProductStatus.class, status);
			if (statusFilter == null && !OTHER_STATUSES.contains(status.strip())) {
				throw ApiException.invalidParameter(
						"The request was unacceptable, often due to an invalid or missing parameter: status " + status);
			}
		}
		ProductFormat formatFilter = null;
		if (format != null && !format.isBlank()) {
			formatFilter = FORMATS.get(format.strip());
			if (formatFilter == null && !OTHER_FORMATS.contains(format.strip())) {
				throw ApiException.invalidParameter(
						"The request was unacceptable, often due to an invalid or missing parameter: format " + format);
			}
		}
		boolean matchesNothing = (status != null && !status.isBlank() && statusFilter == null)
				|| (format != null && !format.isBlank() && formatFilter == null);
		List<Product> found = matchesNothing ? List.of() : this.products.list(client.producerAccountId(),
				new ProductFilter(id, statusFilter, formatFilter), null, page.offset(), page.fetch());
		return page.page(found, ProductItem::of);
	}

	@GetMapping("/products/api/v1/products/{ucode}/offers")
	CompatiblePages.Page<OfferItem> offers(@AuthenticationPrincipal ApiClient client, @PathVariable String ucode,
			@RequestParam(name = "max_results", required = false) Integer maxResults,
			@RequestParam(name = "page_token", required = false) String pageToken) {
		CompatiblePages.Request page = CompatiblePages.Request.of(maxResults, pageToken);
		Product product = product(client, ucode);
		return page.slice(this.offers.offersOf(client.producerAccountId(), product.id()), OfferItem::of);
	}

	@GetMapping("/products/api/v1/products/{ucode}/plans")
	CompatiblePages.Page<PlanItem> plans(@AuthenticationPrincipal ApiClient client, @PathVariable String ucode,
			@RequestParam(name = "max_results", required = false) Integer maxResults,
			@RequestParam(name = "page_token", required = false) String pageToken) {
		CompatiblePages.Request page = CompatiblePages.Request.of(maxResults, pageToken);
		Product product = product(client, ucode);
		List<Offer> plans = this.offers.offersOf(client.producerAccountId(), product.id())
			.stream()
			.filter((o) -> o.details().paymentMode() == PaymentMode.RECURRING)
			.toList();
		if (plans.isEmpty()) {
			throw ApiException.invalidParameter("The product " + ucode + " has no plans.");
		}
		return page.slice(plans, PlanItem::of);
	}

	/**
	 * The caller's product by its ucode, or by its numeric id (hotmart-api.md §9).
	 */
	private Product product(ApiClient client, String ucodeOrId) {
		String value = ucodeOrId.strip();
		if (value.matches("\\d{1,18}")) {
			return this.products.find(client.producerAccountId(), Long.parseLong(value))
				.orElseThrow(() -> ApiException.notFound("No product " + value + "."));
		}
		UUID ucode;
		try {
			ucode = UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw ApiException.notFound("No product " + value + ".");
		}
		return this.products.findByUcode(client.producerAccountId(), ucode)
			.orElseThrow(() -> ApiException.notFound("No product " + value + "."));
	}

	/**
	 * §5.1 item.
	 */
	record ProductItem(long id, String name, String ucode, String status, @JsonProperty("created_at") long createdAt,
			String format, @JsonProperty("is_subscription") boolean isSubscription,
			@JsonProperty("warranty_period") int warrantyPeriod) {

		static ProductItem of(Product p) {
			return new ProductItem(p.id(), p.details().name(), p.ucode().toString(), p.details().status().name(),
					p.createdAt().toEpochMilli(), p.details().format().compatibleFormat(),
					p.details().format().subscription(), p.details().warrantyDays());
		}

	}

	/**
	 * {@code {"value":497.00,"currency_code":"BRL"}}.
	 */
	record Price(BigDecimal value, @JsonProperty("currency_code") String currencyCode) {

		static Price of(Money money) {
			return new Price(money.decimal(), money.currency().getCurrencyCode());
		}

	}

	/**
	 * §5.2 item.
	 */
	record OfferItem(String code, String name, String description, Price price,
			@JsonProperty("payment_mode") String paymentMode,
			@JsonProperty("is_currency_conversion_enabled") boolean isCurrencyConversionEnabled,
			@JsonProperty("is_main_offer") boolean isMainOffer,
			@JsonProperty("is_smart_recovery_enabled") boolean isSmartRecoveryEnabled) {

		static OfferItem of(Offer o) {
			OfferDetails d = o.details();
			return new OfferItem(o.code(), d.name(), "", Price.of(d.price()),
					(d.paymentMode() == PaymentMode.RECURRING) ? "SUBSCRIPTION" : "PAY_IN_FULL", false, o.main(),
					false);
		}

	}

	/**
	 * §5.3 item.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record PlanItem(String code, String name, String description, Price price, String periodicity,
			@JsonProperty("max_installments") Integer maxInstallments, @JsonProperty("payment_mode") String paymentMode,
			@JsonProperty("trial_period") Integer trialPeriod,
			@JsonProperty("is_subscription_recovery_enabled") boolean isSubscriptionRecoveryEnabled,
			@JsonProperty("is_switch_plan_enabled") boolean isSwitchPlanEnabled) {

		static PlanItem of(Offer o) {
			OfferDetails d = o.details();
			int trial = d.plan().trialDays();
			return new PlanItem(o.code(), d.name(), "", Price.of(d.price()), d.plan().period().name(),
					d.plan().maxCharges(), "ASSINATURA", (trial > 0) ? trial : null, false, false);
		}

	}

}
