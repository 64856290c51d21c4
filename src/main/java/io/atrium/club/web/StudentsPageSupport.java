package io.atrium.club.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import io.atrium.catalog.Catalog;
import io.atrium.catalog.CatalogSettings;
import io.atrium.catalog.ProductSummary;
import io.atrium.club.ClubNotFound;
import io.atrium.club.ClubRefused;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the Users tab, the import and the "why" page share: the product's name, dates in
 * the producer's language and the platform's time zone, and messages.
 */
@Component
class StudentsPageSupport {

	private final Catalog catalog;

	private final CatalogSettings settings;

	private final MessageSource messages;

	StudentsPageSupport(Catalog catalog, CatalogSettings settings, MessageSource messages) {
		this.catalog = catalog;
		this.settings = settings;
		this.messages = messages;
	}

	/**
	 * @return the product's name (call after a service checked the producer owns it)
	 */
	String productName(long productId) {
		return this.catalog.product(productId)
			.map(ProductSummary::name)
			.orElseThrow(() -> new ClubNotFound("No product " + productId + "."));
	}

	ZoneId zone() {
		return this.settings.timeZone();
	}

	/** For example "3 Dec 2026, 14:05". */
	String dateTime(Instant instant, Locale locale) {
		return (instant != null) ? DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(zone())
			.format(instant) : "";
	}

	/** For example "3 Dec 2026". */
	String date(Instant instant, Locale locale) {
		return (instant != null) ? DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
			.withLocale(locale)
			.withZone(zone())
			.format(instant) : "";
	}

	/** For example "3 December 2026". */
	String longDate(Instant instant, Locale locale) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(zone()).format(instant);
	}

	/** An ISO day ({@code 2026-12-03}) in the platform's zone, for links and CSV. */
	String isoDay(Instant instant) {
		return (instant != null) ? DateTimeFormatter.ISO_LOCAL_DATE.withZone(zone()).format(instant) : "";
	}

	String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

	String message(ClubRefused refusal, Locale locale) {
		return this.messages.getMessage(refusal.messageKey(), refusal.args(), refusal.getMessage(), locale);
	}

}
