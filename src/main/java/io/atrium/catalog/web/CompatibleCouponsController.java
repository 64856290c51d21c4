package io.atrium.catalog.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.atrium.api.CompatiblePages;
import io.atrium.api.ApiClient;
import io.atrium.api.ApiException;
import io.atrium.platform.InputLimits;
import io.atrium.api.CompatibleApiController;
import io.atrium.accounts.ProducerTimeZones;
import io.atrium.catalog.Coupon;
import io.atrium.catalog.CouponDetails;
import io.atrium.catalog.Coupons;
import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Hotmart-compatible coupon API (hotmart-api.md §5.4), under both
 * {@code /products/api/v1} (documented) and {@code /payments/api/v1} (what widely used
 * clients call).
 */
@CompatibleApiController
@Hidden
class CompatibleCouponsController {

	private final Coupons coupons;

	private final ProducerTimeZones zones;

	private final Clock clock;

	CompatibleCouponsController(Coupons coupons, ProducerTimeZones zones, Clock clock) {
		this.coupons = coupons;
		this.zones = zones;
		this.clock = clock;
	}

	@PostMapping({ "/products/api/v1/product/{productId}/coupon", "/payments/api/v1/product/{productId}/coupon" })
	Map<String, Object> create(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@RequestBody CreateCoupon request) {
		if (request.code() == null || request.discount() == null) {
			throw ApiException.invalidParameter("The request was unacceptable: code and discount are required.");
		}
		if (request.offerIds() != null && request.offerIds().contains(null)) {
			throw ApiException.invalidParameter("The request was unacceptable: offer_ids must not contain null.");
		}
		CouponDetails details = new CouponDetails(request.code(), request.discount(), instant(request.startDate()),
				instant(request.endDate()), (request.offerIds() != null) ? Set.copyOf(request.offerIds()) : Set.of());
		CatalogApiSupport.compatible(() -> this.coupons.create(client.producerAccountId(), productId, details));
		return Map.of();
	}

	@GetMapping({ "/products/api/v1/coupon/product/{productId}", "/payments/api/v1/coupon/product/{productId}" })
	CompatiblePages.Page<CouponItem> list(@AuthenticationPrincipal ApiClient client, @PathVariable long productId,
			@RequestParam(required = false) String code,
			@RequestParam(name = "max_results", required = false) Integer maxResults,
			@RequestParam(name = "page_token", required = false) String pageToken) {
		CompatiblePages.Request page = CompatiblePages.Request.of(maxResults, pageToken);
		List<Coupon> all = CatalogApiSupport
			.compatible(() -> this.coupons.couponsOf(client.producerAccountId(), productId));
		List<Coupon> matching = all.stream()
			.filter((c) -> code == null || code.isBlank() || c.code().equalsIgnoreCase(code.strip()))
			.toList();
		Instant now = this.clock.instant();
		TimeZone zone = TimeZone.of(this.zones.of(client.producerAccountId()), now);
		return page.slice(matching, (c) -> CouponItem.of(c, now, zone));
	}

	@DeleteMapping({ "/products/api/v1/coupon/{couponId}", "/payments/api/v1/coupon/{couponId}" })
	Map<String, Object> delete(@AuthenticationPrincipal ApiClient client, @PathVariable long couponId) {
		CatalogApiSupport.compatible(() -> this.coupons.delete(client.producerAccountId(), couponId));
		return Map.of();
	}

	private static Instant instant(Long millis) {
		if (millis == null) {
			return null;
		}
		return InputLimits.epochMillis(millis)
			.orElseThrow(() -> ApiException.invalidParameter("The request was unacceptable: " + millis
					+ " is not a date in epoch milliseconds. " + InputLimits.DATE_RANGE_TEXT));
	}

	/**
	 * The create body: dates in epoch milliseconds; {@code affiliate} is accepted and
	 * ignored (Atrium has no affiliates yet).
	 */
	record CreateCoupon(String code, BigDecimal discount, @JsonProperty("start_date") Long startDate,
			@JsonProperty("end_date") Long endDate, Long affiliate, @JsonProperty("offer_ids") List<Long> offerIds) {

	}

	/**
	 * {@code time_zone}: the zone coupon dates are interpreted in.
	 */
	record TimeZone(String offset, String description, String id, String name) {

		static TimeZone of(ZoneId zone, Instant at) {
			ZoneOffset offset = zone.getRules().getOffset(at);
			String offsetText = offset.getId().equals("Z") ? "+00:00" : offset.getId();
			return new TimeZone(offsetText,
					"(GMT" + offsetText + ") " + zone.getDisplayName(TextStyle.FULL, Locale.ENGLISH), zone.getId(),
					zone.getId().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
		}

	}

	/**
	 * A §5.4 item.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record CouponItem(long id, @JsonProperty("coupon_code") String couponCode, String code, BigDecimal discount,
			@JsonProperty("start_date") Long startDate, @JsonProperty("end_date") Long endDate, String status,
			boolean active, @JsonProperty("time_zone") TimeZone timeZone) {

		static CouponItem of(Coupon c, Instant now, TimeZone zone) {
			Coupon.Status status = c.status(now);
			return new CouponItem(c.id(), c.code(), c.code(), c.discount(),
					(c.startsAt() != null) ? c.startsAt().toEpochMilli() : null,
					(c.endsAt() != null) ? c.endsAt().toEpochMilli() : null, status.name().toLowerCase(Locale.ROOT),
					status == Coupon.Status.VALID, zone);
		}

	}

}
