package io.atrium.catalog.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.atrium.api.ApiClient;
import io.atrium.api.AtriumApiController;
import io.atrium.api.CursorPage;
import io.atrium.api.IdempotentRequests;
import io.atrium.api.PageQuery;
import io.atrium.catalog.BillingPeriod;
import io.atrium.catalog.CatalogNotFound;
import io.atrium.catalog.InvalidCatalogInput;
import io.atrium.catalog.Offer;
import io.atrium.catalog.OfferDetails;
import io.atrium.catalog.Offers;
import io.atrium.catalog.PaymentMode;
import io.atrium.catalog.RecurringPlan;
import io.atrium.platform.BaseUrl;
import io.atrium.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /api/v1/products/{productId}/offers}: the offers of the calling producer's
 * products.
 */
@AtriumApiController
@Tag(name = "Offers", description = "Offers of the calling producer's products, with their checkout links")
class OffersApiController extends CatalogApiSupport {

	private final Offers offers;

	private final IdempotentRequests idempotent;

	private final BaseUrl baseUrl;

	OffersApiController(Offers offers, IdempotentRequests idempotent, BaseUrl baseUrl) {
		this.offers = offers;
		this.idempotent = idempotent;
		this.baseUrl = baseUrl;
	}

	@GetMapping("/api/v1/products/{productId}/offers")
	@Operation(operationId = "listOffers", summary = "List a product's offers", description = "Oldest first.")
	@ApiResponse(responseCode = "200", description = "One page")
	@ApiResponse(responseCode = "404", description = "No such product of this producer")
	CursorPage<OfferResponse> list(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@Parameter(description = "Items per page, 1 to 500 (larger values are clamped)") @RequestParam(
					required = false) Integer limit,
			@Parameter(description = "The next_cursor of the previous page") @RequestParam(
					required = false) String cursor) {
		return page(this.offers.offersOf(client.producerAccountId(), productId), PageQuery.of(limit, cursor), Offer::id)
			.map(this::response);
	}

	@GetMapping("/api/v1/products/{productId}/offers/{offerId}")
	@Operation(operationId = "getOffer", summary = "Get an offer")
	@ApiResponse(responseCode = "200", description = "The offer")
	@ApiResponse(responseCode = "404", description = "No such offer of this producer's product")
	OfferResponse get(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@PathVariable long offerId) {
		return this.offers.find(client.producerAccountId(), productId, offerId)
			.map(this::response)
			.orElseThrow(() -> new CatalogNotFound("No offer " + offerId + " in product " + productId + "."));
	}

	@PostMapping("/api/v1/products/{productId}/offers")
	@Operation(operationId = "createOffer", summary = "Create an offer",
			description = "The product's first offer becomes its main offer.")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "400", description = "Invalid body, or missing Idempotency-Key")
	@ApiResponse(responseCode = "404", description = "No such product of this producer")
	@ApiResponse(responseCode = "422", description = "Idempotency-Key already used with a different request")
	ResponseEntity<OfferResponse> create(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@Parameter(description = "A unique value per creation (for example a UUID); "
					+ "send the same value when retrying") @RequestHeader(name = IdempotentRequests.HEADER,
							required = false) String key,
			@Valid @RequestBody OfferRequest request) {
		return this.idempotent.create(client, key, request, OfferResponse.class, () -> {
			Offer offer = this.offers.create(client.producerAccountId(), productId, request.details());
			return ResponseEntity.created(URI.create("/api/v1/products/" + productId + "/offers/" + offer.id()))
				.body(response(offer));
		});
	}

	@PatchMapping("/api/v1/products/{productId}/offers/{offerId}")
	@Operation(operationId = "updateOffer", summary = "Change an offer",
			description = "Only the fields sent change; price and plan, when sent, are replaced as a whole. "
					+ "The code (and so the checkout link) stays.")
	@ApiResponse(responseCode = "200", description = "The offer as saved")
	@ApiResponse(responseCode = "400", description = "Invalid fields")
	@ApiResponse(responseCode = "404", description = "No such offer of this producer's product")
	OfferResponse update(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@PathVariable long offerId, @RequestBody OfferPatch patch) {
		Offer current = this.offers.find(client.producerAccountId(), productId, offerId)
			.orElseThrow(() -> new CatalogNotFound("No offer " + offerId + " in product " + productId + "."));
		return response(
				this.offers.update(client.producerAccountId(), productId, offerId, patch.applyTo(current.details())));
	}

	@PostMapping("/api/v1/products/{productId}/offers/{offerId}/main")
	@Operation(operationId = "makeOfferMain", summary = "Make an offer the product's main offer",
			description = "The previous main offer stops being main. Safe to repeat.")
	@ApiResponse(responseCode = "200", description = "The offer, now main")
	@ApiResponse(responseCode = "404", description = "No such offer of this producer's product")
	OfferResponse makeMain(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@PathVariable long offerId) {
		return response(this.offers.makeMain(client.producerAccountId(), productId, offerId));
	}

	private OfferResponse response(Offer o) {
		OfferDetails d = o.details();
		RecurringPlan plan = d.plan();
		return new OfferResponse(o.id(), o.code(), o.productId(), d.name(), PriceJson.of(d.price()), d.paymentMode(),
				(plan != null)
						? new PlanJson(plan.period(), plan.period().intervalDays(), plan.maxCharges(), plan.trialDays())
						: null,
				d.clubGroupId(), d.maxInstallments(), o.main(), this.baseUrl.link(o.checkoutPath()), o.createdAt(),
				o.updatedAt());
	}

	/**
	 * A price.
	 */
	record PriceJson(
			@JsonProperty("amount_minor") @NotNull @Schema(description = "In minor units (cents): 49700 is 497.00",
					example = "49700") Long amountMinor,
			@NotNull @Schema(description = "BRL, USD or EUR", example = "BRL") String currency,
			@Schema(description = "In major units, for reading; ignored in requests",
					accessMode = Schema.AccessMode.READ_ONLY) BigDecimal value) {

		static PriceJson of(Money m) {
			return new PriceJson(m.amountMinor(), m.currency().getCurrencyCode(), m.decimal());
		}

		Money money() {
			if (this.currency == null || !Money.SUPPORTED.contains(this.currency)) {
				throw new InvalidCatalogInput(List.of(new InvalidCatalogInput.Violation("price.currency",
						"currency.invalid", "The currency must be BRL, USD or EUR.", List.of())));
			}
			return (this.amountMinor != null) ? Money.of(this.amountMinor, this.currency) : null;
		}

	}

	/**
	 * The terms of a recurring offer.
	 */
	record PlanJson(@NotNull BillingPeriod period,
			@JsonProperty("interval_days") @Schema(description = "Days between charges; ignored in requests",
					accessMode = Schema.AccessMode.READ_ONLY) Integer intervalDays,
			@JsonProperty("max_charges") @Schema(
					description = "1 to 999; null charges until cancelled") Integer maxCharges,
			@JsonProperty("trial_days") @Schema(description = "0 to 365, default 0") Integer trialDays) {

		RecurringPlan plan() {
			return new RecurringPlan(this.period, this.maxCharges, (this.trialDays != null) ? this.trialDays : 0);
		}

	}

	/**
	 * A new offer.
	 */
	record OfferRequest(@NotNull @Schema(description = "1 to 100 characters") String name,
			@NotNull @Valid PriceJson price,
			@JsonProperty("payment_mode") @Schema(description = "Default SINGLE") PaymentMode paymentMode,
			@Schema(description = "Required for RECURRING") @Valid PlanJson plan,
			@JsonProperty("club_group_id") @Schema(
					description = "The members-area group buyers join; null for the product's default") Long clubGroupId,
			@JsonProperty("max_installments") @Schema(description = "Card installments a buyer may choose for a "
					+ "SINGLE offer, 1 to 12, default 1; always 1 for RECURRING") Integer maxInstallments) {

		OfferDetails details() {
			return new OfferDetails(this.name, this.price.money(),
					(this.paymentMode != null) ? this.paymentMode : PaymentMode.SINGLE,
					(this.plan != null) ? this.plan.plan() : null, this.clubGroupId,
					(this.maxInstallments != null) ? this.maxInstallments : 1);
		}

	}

	/**
	 * Changes to an offer: absent or null fields stay as they are.
	 */
	record OfferPatch(String name, PriceJson price, @JsonProperty("payment_mode") PaymentMode paymentMode,
			PlanJson plan, @JsonProperty("club_group_id") Long clubGroupId,
			@JsonProperty("max_installments") Integer maxInstallments) {

		OfferDetails applyTo(OfferDetails d) {
			return new OfferDetails((this.name != null) ? this.name : d.name(),
					(this.price != null) ? this.price.money() : d.price(),
					(this.paymentMode != null) ? this.paymentMode : d.paymentMode(),
					(this.plan != null) ? this.plan.plan() : d.plan(),
					(this.clubGroupId != null) ? this.clubGroupId : d.clubGroupId(),
					(this.maxInstallments != null) ? this.maxInstallments : d.maxInstallments());
		}

	}

	/**
	 * An offer.
	 */
	record OfferResponse(long id, @Schema(description = "8 lowercase letters or digits") String code,
			@JsonProperty("product_id") long productId, String name, PriceJson price,
			@JsonProperty("payment_mode") PaymentMode paymentMode,
			@Schema(description = "Null for a single payment") PlanJson plan,
			@JsonProperty("club_group_id") Long clubGroupId,
			@JsonProperty("max_installments") @Schema(
					description = "Card installments a buyer may choose, 1 to 12") int maxInstallments,
			boolean main,
			@JsonProperty("checkout_url") @Schema(description = "The shareable checkout link") String checkoutUrl,
			@JsonProperty("created_at") Instant createdAt, @JsonProperty("updated_at") Instant updatedAt) {

	}

}
