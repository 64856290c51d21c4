package io.atrium.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address in its canonical form: trimmed and lower-cased, so that one address
 * is one account everywhere.
 *
 * @param value the canonical address
 */
public record EmailAddress(String value) {

	private static final Pattern SHAPE = Pattern
		.compile("^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
				+ "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");

	public EmailAddress {
		if (!isValid(value)) {
			throw new IllegalArgumentException("Not an e-mail address: " + value);
		}
	}

	/**
	 * Parses user input: trims, lower-cases and checks the shape.
	 * @param input what the user typed
	 * @return the canonical address
	 * @throws IllegalArgumentException when the input is not an e-mail address
	 */
	public static EmailAddress of(String input) {
		if (input == null) {
			throw new IllegalArgumentException("Not an e-mail address: null");
		}
		return new EmailAddress(input.trim().toLowerCase(Locale.ROOT));
	}

	/**
	 * @param input what the user typed
	 * @return whether {@link #of(String)} accepts it
	 */
	public static boolean isValidInput(String input) {
		return input != null && isValid(input.trim().toLowerCase(Locale.ROOT));
	}

	private static boolean isValid(String value) {
		return value != null && value.length() <= 254 && !value.contains("..") && SHAPE.matcher(value).matches()
				&& value.indexOf('@') <= 64;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
