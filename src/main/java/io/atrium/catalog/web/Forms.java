package io.atrium.catalog.web;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading form fields typed as text: enums, whole numbers, prices and percentages. Each
 * answers null for anything it does not read, so that the catalog rules report it.
 */
final class Forms {

	private static final Pattern AMOUNT = Pattern.compile("(\\d{1,11})(?:[.,](\\d{1,2}))?");

	private static final Pattern PERCENT = Pattern.compile("(\\d{1,3})(?:[.,](\\d{1,10}))?");

	private Forms() {
	}

	static <E extends Enum<E>> E enumValue(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static Integer integer(String value) {
		if (value == null || !value.strip().matches("-?\\d{1,9}")) {
			return null;
		}
		return Integer.valueOf(value.strip());
	}

	/**
	 * @param value a price in major units as people type it: {@code 497}, {@code 497,00},
	 * {@code 39.9}
	 * @return the amount in minor units (two decimals), or null when it is not a
	 * non-negative amount with at most two decimals
	 */
	static Long minorUnits(String value) {
		if (value == null) {
			return null;
		}
		Matcher m = AMOUNT.matcher(value.strip());
		if (!m.matches()) {
			return null;
		}
		String cents = (m.group(2) != null) ? (m.group(2) + "0").substring(0, 2) : "00";
		return Long.parseLong(m.group(1)) * 100 + Long.parseLong(cents);
	}

	/**
	 * @param value a percentage such as {@code 20} or {@code 12,5}
	 * @return the fraction (0.2, 0.125), or null when it is not a number
	 */
	static BigDecimal fraction(String value) {
		if (value == null) {
			return null;
		}
		Matcher m = PERCENT.matcher(value.strip());
		if (!m.matches()) {
			return null;
		}
		String number = m.group(1) + ((m.group(2) != null) ? "." + m.group(2) : "");
		return new BigDecimal(number).movePointLeft(2);
	}

	/**
	 * @param fraction a discount
	 * @return it as a percentage for a form, such as {@code 20} or {@code 12.5}
	 */
	static String percent(BigDecimal fraction) {
		return fraction.movePointRight(2).stripTrailingZeros().toPlainString();
	}

	/**
	 * @param minor an amount in minor units
	 * @return it for a form, such as {@code 497.00}
	 */
	static String amount(long minor) {
		return BigDecimal.valueOf(minor, 2).toPlainString();
	}

}
