package io.atrium.accounts.internal;

/**
 * Passwords are 12 to 128 characters, with no composition rules (NIST SP 800-63B, OWASP).
 */
public final class PasswordPolicy {

	/** Fewest characters. */
	public static final int MIN = 12;

	/** Most characters. */
	public static final int MAX = 128;

	private PasswordPolicy() {
	}

	/**
	 * @param password the candidate
	 * @return the message key of the problem, or null when acceptable
	 */
	public static String problem(String password) {
		if (password == null) {
			return "accounts.password.too-short";
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN) {
			return "accounts.password.too-short";
		}
		if (length > MAX) {
			return "accounts.password.too-long";
		}
		return null;
	}

}
