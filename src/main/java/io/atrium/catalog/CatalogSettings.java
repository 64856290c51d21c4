package io.atrium.catalog;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The catalog's one setting: the time zone coupon dates are entered and shown in on the
 * pages, and reported in the compatible API's {@code time_zone}
 * ({@code atrium.catalog.time-zone}, env {@code ATRIUM_CATALOG_TIME_ZONE}, default
 * {@code America/Sao_Paulo}).
 */
@Component
public class CatalogSettings {

	private final ZoneId timeZone;

	CatalogSettings(@Value("${atrium.catalog.time-zone:America/Sao_Paulo}") String timeZone) {
		this.timeZone = ZoneId.of(timeZone);
	}

	/**
	 * @return the zone of coupon dates
	 */
	public ZoneId timeZone() {
		return this.timeZone;
	}

}
