package io.atrium.accounts.internal;

/**
 * A password that breaks {@link PasswordPolicy}; carries the message key to show.
 */
public class UnacceptablePasswordException extends RuntimeException {

	private final String messageKey;

	UnacceptablePasswordException(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	/**
	 * @return the message key explaining the problem
	 */
	public String messageKey() {
		return this.messageKey;
	}

}
