package io.atrium.subscriptions.web;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import io.atrium.api.ApiException;
import io.atrium.api.CompatiblePages;
import io.atrium.platform.InputLimits;

/**
 * Reading the query parameters of the compatible subscriptions API: dates in epoch
 * milliseconds (a 10-digit value in seconds, as in Hotmart's own examples, is read as
 * seconds), enums that may be repeated or comma-joined, booleans that mean their default
 * unless {@code true} or {@code false}, page sizes clamped to 1–500, and the 30-day
 * windows the contract documents as defaults.
 */
final class CompatibleParameters {

	/** The documented default window. */
	static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

	private static final long SECONDS_BELOW = 100_000_000_000L;

	private CompatibleParameters() {
	}

	/**
	 * @return {@code max_results}: default 50, clamped to 1–500
	 */
	static int size(Integer maxResults) {
		return (maxResults == null) ? CompatiblePages.DEFAULT : Math.max(1, Math.min(CompatiblePages.MAX, maxResults));
	}

	/**
	 * @return the instant of an epoch-milliseconds parameter, null when absent
	 * @throws ApiException 400 {@code invalid_parameter} outside the accepted years
	 */
	static Instant instant(String name, Long value) {
		if (value == null) {
			return null;
		}
		long millis = (value > 0 && value < SECONDS_BELOW) ? value * 1000 : value;
		return InputLimits.epochMillis(millis)
			.orElseThrow(() -> ApiException.invalidParameter("The request was unacceptable: " + name + "=" + value
					+ " is not a date in epoch milliseconds. " + InputLimits.DATE_RANGE_TEXT));
	}

	/**
	 * A time window from two inclusive bounds: [start, end + 1 ms).
	 * @param start the start, or null
	 * @param end the end (inclusive), or null
	 * @param startWhenOnlyEnd the start when only the end is given (from the end), or
	 * null for none
	 * @return {@code [from, to)}, either may be null
	 */
	static Instant[] window(Instant start, Instant end, Function<Instant, Instant> startWhenOnlyEnd) {
		Instant to = (end != null) ? end.plusMillis(1) : null;
		Instant from = (start == null && end != null) ? startWhenOnlyEnd.apply(end) : start;
		return new Instant[] { from, to };
	}

	/**
	 * Reads an enum filter given repeated ({@code status=A&status=B}), comma-joined
	 * ({@code status=A,B}) or both.
	 * @return the values, or null when none was given
	 * @throws ApiException 400 {@code invalid_parameter} "The request was unacceptable…"
	 * for a value outside the enum
	 */
	static <E extends Enum<E>> Set<E> enums(String name, List<String> values, Class<E> type) {
		if (values == null) {
			return null;
		}
		Set<E> found = EnumSet.noneOf(type);
		for (String value : values) {
			for (String one : value.split(",")) {
				if (one.isBlank()) {
					continue;
				}
				try {
					found.add(Enum.valueOf(type, one.strip().toUpperCase(Locale.ROOT)));
				}
				catch (IllegalArgumentException ex) {
					throw unacceptable(name, one);
				}
			}
		}
		return found.isEmpty() ? null : found;
	}

	/**
	 * @return true or false, or null for anything else (the filter's default)
	 */
	static Boolean bool(String value) {
		if (value == null) {
			return null;
		}
		String text = value.strip().toLowerCase(Locale.ROOT);
		return text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : null;
	}

	static boolean present(String text) {
		return text != null && !text.isBlank();
	}

	static String strip(String text) {
		return present(text) ? text.strip() : null;
	}

	static ApiException unacceptable(String parameter, String value) {
		return ApiException
			.invalidParameter("The request was unacceptable, often due to an invalid or missing parameter: " + parameter
					+ " " + InputLimits.printable(value.strip()));
	}

	static Instant minus30(Instant end) {
		return end.minus(DEFAULT_WINDOW);
	}

}
