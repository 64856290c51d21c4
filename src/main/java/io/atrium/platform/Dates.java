package io.atrium.platform;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one way Atrium writes a date for people: the instant in the producer's time zone,
 * in the reader's language, with the zone named, for example "Mar 12, 2027, 2:30 PM
 * (America/Sao_Paulo)" or "12 de mar. de 2027 14:30 (America/Sao_Paulo)". Date-only input
 * ({@code 2027-03-12}) means the start of that day in the zone. Java code calls the
 * static methods; templates call the bean, {@code ${@dates.show(instant, zone)}}, in the
 * current request's language.
 */
@Component("dates")
public class Dates {

	private final ZoneId platformZone;

	Dates(@Value("${atrium.catalog.time-zone:America/Sao_Paulo}") String platformZone) {
		this.platformZone = ZoneId.of(platformZone);
	}

	/**
	 * @param instant an instant, or null
	 * @param zone the producer's zone
	 * @param locale the reader's language
	 * @return the date and time in the zone, with the zone's id; empty for null
	 */
	public static String show(Instant instant, ZoneId zone, Locale locale) {
		if (instant == null) {
			return "";
		}
		try {
			return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
				.withLocale(locale)
				.withZone(zone)
				.format(instant) + " (" + zone.getId() + ")";
		}
		catch (DateTimeException ex) {
			// beyond the years a formatter can write: still never a 500
			return instant + " (UTC)";
		}
	}

	/**
	 * @param instant an instant, or null
	 * @param zone the producer's zone
	 * @param locale the reader's language
	 * @return the day (no time) in the zone, with the zone's id, for example "Mar 3, 2027
	 * (America/Sao_Paulo)"; empty for null
	 */
	public static String showDay(Instant instant, ZoneId zone, Locale locale) {
		if (instant == null) {
			return "";
		}
		try {
			return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
				.withLocale(locale)
				.withZone(zone)
				.format(instant) + " (" + zone.getId() + ")";
		}
		catch (DateTimeException ex) {
			return instant + " (UTC)";
		}
	}

	/**
	 * @param instant an instant, or null
	 * @param zone the producer's zone
	 * @return the day in the zone as typed in a date field ({@code 2027-03-12}); empty
	 * for null
	 */
	public static String isoDay(Instant instant, ZoneId zone) {
		return (instant != null) ? LocalDate.ofInstant(instant, zone).toString() : "";
	}

	/**
	 * @param isoDay a day as typed in a date field ({@code 2027-03-12})
	 * @param zone the producer's zone
	 * @return the start of that day in the zone (00:00, or the first valid time on a day
	 * whose midnight a daylight-saving change skips), or null when the text is not a day
	 */
	public static Instant startOfDay(String isoDay, ZoneId zone) {
		if (isoDay == null || isoDay.isBlank()) {
			return null;
		}
		return InputLimits.day(isoDay).map((day) -> day.atStartOfDay(zone).toInstant()).orElse(null);
	}

	/**
	 * For templates: {@link #show(Instant, ZoneId, Locale)} in the request's language.
	 * @param instant an instant, or null
	 * @param zone the producer's zone
	 * @return the date and time with the zone named
	 */
	public String show(Instant instant, ZoneId zone) {
		return show(instant, zone, LocaleContextHolder.getLocale());
	}

	/**
	 * For the admin pages, which belong to no producer: the instant in the platform's
	 * default zone ({@code atrium.catalog.time-zone}), in the request's language.
	 * @param dateTime an instant with an offset, or null
	 * @return the date and time with the zone named
	 */
	public String show(OffsetDateTime dateTime) {
		return (dateTime != null) ? show(dateTime.toInstant(), this.platformZone, LocaleContextHolder.getLocale()) : "";
	}

}
