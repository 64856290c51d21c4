package io.atrium.catalog.web;

import java.util.Locale;

import io.atrium.catalog.Offer;

/**
 * An offer as the product page lists it, with its checkout link.
 */
record OfferLine(long id, String code, String name, String price, String terms, boolean main, String checkoutLink,
		Long clubGroupId) {

	static OfferLine of(Offer o, PageSupport pages, Locale locale) {
		return new OfferLine(o.id(), o.code(), o.details().name(), pages.money(o.details().price(), locale),
				pages.terms(o.details(), locale), o.main(), pages.link(o.checkoutPath()), o.details().clubGroupId());
	}

}
