package io.atrium.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What any input Atrium stores must respect, checked at the edge by the API and the pages
 * alike: text has no control characters other than tab, CR and LF (PostgreSQL cannot
 * store a NUL, and nothing a person types needs the others), and a date lies in the years
 * {@value #FIRST_YEAR} to {@value #LAST_YEAR} (far dates are always typing or hostile
 * mistakes, and they break date arithmetic and formatting downstream).
 */
public final class InputLimits {

	/** The first year a date may have. */
	public static final int FIRST_YEAR = 2000;

	/** The last year a date may have. */
	public static final int LAST_YEAR = 2199;

	/** The earliest instant accepted: {@value #FIRST_YEAR}-01-01T00:00Z. */
	public static final Instant EARLIEST = LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

	/** The first instant no longer accepted: ({@value #LAST_YEAR} + 1)-01-01T00:00Z. */
	public static final Instant END = LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

	/** The sentence the API and the pages use to explain the range. */
	public static final String DATE_RANGE_TEXT = "Dates must lie between the years " + FIRST_YEAR + " and " + LAST_YEAR
			+ ".";

	private InputLimits() {
	}

	/**
	 * @param text any text, may be null
	 * @return whether it holds a control character other than tab, CR or LF
	 */
	public static boolean hasControlCharacters(CharSequence text) {
		if (text == null) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
				return true;
			}
		}
		return false;
	}

	/**
	 * @return the text with control characters replaced by {@code ?}, for messages
	 */
	public static String printable(String text) {
		StringBuilder printable = new StringBuilder();
		text.chars().limit(100).forEach((c) -> printable.append(Character.isISOControl(c) ? '?' : (char) c));
		return printable.toString();
	}

	/**
	 * @param instant a date, may be null
	 * @return whether it is null or in the accepted range
	 */
	public static boolean isSaneDate(Instant instant) {
		return instant == null || (!instant.isBefore(EARLIEST) && instant.isBefore(END));
	}

	/**
	 * @param day a day, may be null
	 * @return whether it is null or in the accepted years
	 */
	public static boolean isSaneDay(LocalDate day) {
		return day == null || (day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR);
	}

	/**
	 * @param millis epoch milliseconds
	 * @return the instant, or empty when it is outside the accepted range
	 */
	public static Optional<Instant> epochMillis(long millis) {
		if (millis < EARLIEST.toEpochMilli() || millis >= END.toEpochMilli()) {
			return Optional.empty();
		}
		return Optional.of(Instant.ofEpochMilli(millis));
	}

	/**
	 * @param text an ISO day ({@code 2026-03-01}), may be null or blank
	 * @return the day, or empty when the text is blank, not a day, or outside the range
	 */
	public static Optional<LocalDate> day(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(text.strip())).filter(InputLimits::isSaneDay);
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	/**
	 * @param text an ISO local date and time ({@code 2026-03-01T09:00}), may be null or
	 * blank
	 * @return the date and time, or empty when blank, unparsable or outside the range
	 */
	public static Optional<LocalDateTime> dateTime(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDateTime.parse(text.strip())).filter((t) -> isSaneDay(t.toLocalDate()));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
