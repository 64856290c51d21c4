package io.atrium.catalog;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Offer codes: 8 random lowercase letters or digits (36^8, about 2.8 trillion codes).
 */
final class OfferCodes {

	static final Pattern FORMAT = Pattern.compile("[a-z0-9]{8}");

	private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private OfferCodes() {
	}

	static String next() {
		char[] code = new char[8];
		for (int i = 0; i < code.length; i++) {
			code[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(code);
	}

	static boolean isValid(String code) {
		return code != null && FORMAT.matcher(code).matches();
	}

}
