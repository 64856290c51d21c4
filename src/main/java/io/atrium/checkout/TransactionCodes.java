package io.atrium.checkout;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * Transaction codes: {@code HP} and 14 random digits, as Hotmart's.
 */
public final class TransactionCodes {

	/** What a transaction code looks like. */
	public static final Pattern FORMAT = Pattern.compile("HP\\d{14}");

	private static final RandomGenerator RANDOM = new SecureRandom();

	private TransactionCodes() {
	}

	/**
	 * @return a new random code (uniqueness is checked by the database)
	 */
	public static String next() {
		return next(RANDOM);
	}

	static String next(RandomGenerator random) {
		StringBuilder code = new StringBuilder("HP");
		for (int i = 0; i < 14; i++) {
			code.append((char) ('0' + random.nextInt(10)));
		}
		return code.toString();
	}

	/**
	 * @param code any text
	 * @return whether it has the form of a transaction code
	 */
	public static boolean isValid(String code) {
		return code != null && FORMAT.matcher(code).matches();
	}

}
