package io.atrium.webhooks;

/**
 * A webhook request that cannot be done, with a reason the pages and the API turn into a
 * clear 4xx answer.
 */
public class WebhookRefused extends RuntimeException {

	private final Reason reason;

	private final String field;

	/**
	 * @param reason why
	 * @param field the input field at fault (snake_case), or null
	 * @param message the text shown to the producer
	 */
	public WebhookRefused(Reason reason, String field, String message) {
		super(message);
		this.reason = reason;
		this.field = field;
	}

	/**
	 * @return why
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * @return the input field at fault (snake_case), or null
	 */
	public String field() {
		return this.field;
	}

	/**
	 * Why a request was refused.
	 */
	public enum Reason {

		/** No such endpoint or delivery of this producer. */
		NOT_FOUND,

		/** An input is missing or malformed. */
		INVALID,

		/**
		 * The URL resolves to a private, loopback, link-local or metadata address (or
		 * does not resolve at all).
		 */
		ADDRESS_NOT_ALLOWED,

		/** The producer has {@code atrium.webhooks.max-endpoints} endpoints already. */
		TOO_MANY_ENDPOINTS

	}

}
