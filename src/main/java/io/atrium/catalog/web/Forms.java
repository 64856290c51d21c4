package io.atrium.catalog.web;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading and writing form fields as text: enums and percentages read (answering null for
 * anything they do not read, so that the catalog rules report it), amounts and
 * percentages written. Whether a typed field has the right shape is Bean Validation's job
 * (constraints on the form records).
 */
final class Forms {

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
