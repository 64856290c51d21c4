package io.atrium.accounts.web;

import jakarta.validation.constraints.NotBlank;

/**
 * The one e-mail field of the forgot-password and activation-resend forms. Blank and
 * malformed addresses get the same message, as before these forms were validated by Bean
 * Validation.
 *
 * @param email the address as typed
 */
record EmailForm(@NotBlank(message = "{accounts.email.invalid}") @EmailText String email) {

	static EmailForm empty() {
		return new EmailForm("");
	}

}
