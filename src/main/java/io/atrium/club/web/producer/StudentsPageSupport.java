package io.atrium.club.web.producer;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import io.atrium.accounts.ProducerTimeZones;
import io.atrium.catalog.Catalog;
import io.atrium.catalog.ProductSummary;
import io.atrium.club.ClubNotFound;
import io.atrium.club.ClubRefused;
import io.atrium.platform.Dates;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the Users tab, the import and the "why" page share: the product's name, dates in
 * the producer's language and time zone (written by {@link Dates}), and messages.
 */
@Component
class StudentsPageSupport {

	private final Catalog catalog;

	private final ProducerTimeZones zones;

	private final MessageSource messages;

	StudentsPageSupport(Catalog catalog, ProducerTimeZones zones, MessageSource messages) {
		this.catalog = catalog;
		this.zones = zones;
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

	ZoneId zone(long producer) {
		return this.zones.of(producer);
	}

	/** For example "Dec 3, 2026, 2:05 PM (America/Sao_Paulo)"; empty for null. */
	String dateTime(Instant instant, ZoneId zone, Locale locale) {
		return Dates.show(instant, zone, locale);
	}

	/** An ISO day ({@code 2026-12-03}) in the producer's zone, for links and CSV. */
	String isoDay(Instant instant, ZoneId zone) {
		return Dates.isoDay(instant, zone);
	}

	String message(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, key, locale);
	}

	String message(ClubRefused refusal, Locale locale) {
		return this.messages.getMessage(refusal.messageKey(), refusal.args(), refusal.getMessage(), locale);
	}

}
