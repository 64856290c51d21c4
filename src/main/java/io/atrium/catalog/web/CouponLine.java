package io.atrium.catalog.web;

import java.util.List;
import java.util.Locale;

import io.atrium.catalog.Coupon;
import io.atrium.catalog.Offer;

/**
 * A coupon as the product page lists it, with a link that opens the checkout of its first
 * offer (the main offer when it applies to every offer) with the coupon applied.
 */
record CouponLine(long id, String code, String discount, String startsAt, String endsAt, String status,
		List<String> offerNames, String link) {

	static CouponLine of(Coupon c, List<Offer> offers, PageSupport pages, java.time.ZoneId zone, Locale locale) {
		List<String> names = offers.stream()
			.filter((o) -> !c.offerIds().isEmpty() && c.offerIds().contains(o.id()))
			.map((o) -> o.details().name())
			.toList();
		Offer target = offers.stream()
			.filter((o) -> c.offerIds().isEmpty() ? o.main() : c.offerIds().contains(o.id()))
			.findFirst()
			.orElse(null);
		String link = (target != null) ? pages.link(target.checkoutPath() + "?coupon=" + c.code()) : null;
		return new CouponLine(c.id(), c.code(), Forms.percent(c.discount()) + "%",
				pages.dateTime(c.startsAt(), zone, locale), pages.dateTime(c.endsAt(), zone, locale),
				c.status(pages.now()).name(), names, link);
	}

}
