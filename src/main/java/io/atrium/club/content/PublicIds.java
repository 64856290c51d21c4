package io.atrium.club.content;

import java.security.SecureRandom;

/**
 * The 10-character ids the APIs show for modules, pages and students, like Hotmart's
 * ({@code 2z7ramxejw}): random lowercase letters and digits.
 */
public final class PublicIds {

	private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private PublicIds() {
	}

	public static String next() {
		char[] id = new char[10];
		for (int i = 0; i < id.length; i++) {
			id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(id);
	}

}
