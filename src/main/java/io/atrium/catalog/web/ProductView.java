package io.atrium.catalog.web;

import java.util.Locale;

import io.atrium.catalog.Delivery;
import io.atrium.catalog.Product;
import io.atrium.catalog.ProductDetails;

/**
 * A product as its page shows it.
 */
record ProductView(long id, String ucode, String name, String description, String format, String status,
		int warrantyDays, String supportEmail, Delivery delivery, String imagePath, String createdAt) {

	static ProductView of(Product p, PageSupport pages, Locale locale) {
		ProductDetails d = p.details();
		return new ProductView(p.id(), p.ucode().toString(), d.name(), d.description(), d.format().name(),
				d.status().name(), d.warrantyDays(), d.supportEmail(), d.delivery(), p.summary().coverThumbnailUrl(),
				pages.dateTime(p.createdAt(), pages.zone(p.producerAccountId()), locale));
	}

}
