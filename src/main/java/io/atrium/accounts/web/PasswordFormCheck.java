package io.atrium.accounts.web;

import io.atrium.accounts.internal.PasswordPolicy;

/**
 * Checks a new password and its confirmation as typed in a form.
 */
final class PasswordFormCheck {

	private PasswordFormCheck() {
	}

	/**
	 * @return the message key of the problem, or null when fine
	 */
	static String problem(String password, String confirmation) {
		String problem = PasswordPolicy.problem(password);
		if (problem != null) {
			return problem;
		}
		return password.equals(confirmation) ? null : "accounts.password.mismatch";
	}

}
