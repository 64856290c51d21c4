package io.atrium.catalog.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.atrium.api.ApiClient;
import io.atrium.api.AtriumApiController;
import io.atrium.api.CursorPage;
import io.atrium.api.IdempotentRequests;
import io.atrium.api.PageQuery;
import io.atrium.catalog.CatalogNotFound;
import io.atrium.catalog.Coupon;
import io.atrium.catalog.CouponDetails;
import io.atrium.catalog.Coupons;
import io.atrium.catalog.Offer;
import io.atrium.catalog.Offers;
import io.atrium.platform.BaseUrl;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /api/v1/products/{productId}/coupons}: the coupons of the calling producer's
 * products.
 */
@AtriumApiController
@Tag(name = "Coupons", description = "Coupons of the calling producer's products")
class CouponsApiController extends CatalogApiSupport {

	private final Coupons coupons;

	private final Offers offers;

	private final IdempotentRequests idempotent;

	private final BaseUrl baseUrl;

	private final Clock clock;

	CouponsApiController(Coupons coupons, Offers offers, IdempotentRequests idempotent, BaseUrl baseUrl, Clock clock) {
		this.coupons = coupons;
		this.offers = offers;
		this.idempotent = idempotent;
		this.baseUrl = baseUrl;
		this.clock = clock;
	}

	@GetMapping("/api/v1/products/{productId}/coupons")
	@Operation(operationId = "listCoupons", summary = "List a product's coupons", description = "Oldest first.")
	@ApiResponse(responseCode = "200", description = "One page")
	@ApiResponse(responseCode = "404", description = "No such product of this producer")
	CursorPage<CouponResponse> list(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@Parameter(description = "Items per page, 1 to 500 (larger values are clamped)") @RequestParam(
					required = false) Integer limit,
			@Parameter(description = "The next_cursor of the previous page") @RequestParam(
					required = false) String cursor) {
		List<Coupon> all = this.coupons.couponsOf(client.producerAccountId(), productId);
		List<Offer> offers = this.offers.offersOf(client.producerAccountId(), productId);
		return page(all, PageQuery.of(limit, cursor), Coupon::id).map((c) -> response(c, offers));
	}

	@PostMapping("/api/v1/products/{productId}/coupons")
	@Operation(operationId = "createCoupon", summary = "Create a coupon")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "400",
			description = "Invalid body (including a code the product already has), or missing Idempotency-Key")
	@ApiResponse(responseCode = "404", description = "No such product of this producer")
	@ApiResponse(responseCode = "422", description = "Idempotency-Key already used with a different request")
	ResponseEntity<CouponResponse> create(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@Parameter(description = "A unique value per creation (for example a UUID); "
					+ "send the same value when retrying") @RequestHeader(name = IdempotentRequests.HEADER,
							required = false) String key,
			@Valid @RequestBody CouponRequest request) {
		return this.idempotent.create(client, key, request, CouponResponse.class, () -> {
			Coupon coupon = this.coupons.create(client.producerAccountId(), productId,
					new CouponDetails(request.code(), request.discount(), request.startsAt(), request.endsAt(),
							(request.offerIds() != null) ? Set.copyOf(request.offerIds()) : Set.of()));
			return ResponseEntity.created(URI.create("/api/v1/products/" + productId + "/coupons/" + coupon.id()))
				.body(response(coupon, this.offers.offersOf(client.producerAccountId(), productId)));
		});
	}

	@DeleteMapping("/api/v1/products/{productId}/coupons/{couponId}")
	@Operation(operationId = "deleteCoupon", summary = "Delete a coupon", description = "It stops applying at once.")
	@ApiResponse(responseCode = "204", description = "Deleted")
	@ApiResponse(responseCode = "404", description = "No such coupon of this producer's product")
	ResponseEntity<Void> delete(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@PathVariable long couponId) {
		Coupon coupon = this.coupons.find(client.producerAccountId(), couponId)
			.filter((c) -> c.productId() == productId)
			.orElseThrow(() -> new CatalogNotFound("No coupon " + couponId + " in product " + productId + "."));
		this.coupons.delete(client.producerAccountId(), coupon.id());
		return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
	}

	private CouponResponse response(Coupon c, List<Offer> offers) {
		Offer target = offers.stream()
			.filter((o) -> c.offerIds().isEmpty() ? o.main() : c.offerIds().contains(o.id()))
			.findFirst()
			.orElse(null);
		return new CouponResponse(c.id(), c.productId(), c.code(), c.discount(), c.startsAt(), c.endsAt(),
				c.offerIds().stream().sorted().toList(), c.status(this.clock.instant()).name().toLowerCase(Locale.ROOT),
				(target != null) ? this.baseUrl.link(target.checkoutPath() + "?coupon=" + c.code()) : null,
				c.createdAt());
	}

	/**
	 * A new coupon.
	 */
	record CouponRequest(
			@NotNull @Schema(description = "1 to 25 letters, digits, - or _; unique per product "
					+ "without regard to case; stored in upper case", example = "BEMVINDO20") String code,
			@NotNull @Schema(description = "A fraction, 0 < d < 0.99, at most 4 decimals",
					example = "0.2") BigDecimal discount,
			@JsonProperty("starts_at") @Schema(description = "Inclusive; null for at once") Instant startsAt,
			@JsonProperty("ends_at") @Schema(description = "Exclusive; null for never") Instant endsAt,
			@JsonProperty("offer_ids") @Schema(
					description = "Offers of the product it is limited to; empty or null for all") List<Long> offerIds) {

	}

	/**
	 * A coupon.
	 */
	record CouponResponse(long id, @JsonProperty("product_id") long productId, String code, BigDecimal discount,
			@JsonProperty("starts_at") Instant startsAt, @JsonProperty("ends_at") Instant endsAt,
			@JsonProperty("offer_ids") List<Long> offerIds,
			@Schema(description = "valid, not_yet_valid or expired, now") String status,
			@JsonProperty("checkout_url") @Schema(
					description = "Checkout link of its first offer (the main one when it is for all) "
							+ "with the coupon applied; null while the product has no offer") String checkoutUrl,
			@JsonProperty("created_at") Instant createdAt) {

	}

}
