package io.atrium.catalog;

/**
 * What a product is, with its name in the Hotmart-compatible API.
 */
public enum ProductFormat {

	/** A course with lessons. */
	ONLINE_COURSE("ONLINE_COURSE", false),

	/** A recurring membership (compatible API: {@code COMMUNITY}, a subscription). */
	SUBSCRIPTION("COMMUNITY", true),

	/** A live event. */
	ONLINE_EVENT("ONLINE_EVENT", false);

	private final String compatibleFormat;

	private final boolean subscription;

	ProductFormat(String compatibleFormat, boolean subscription) {
		this.compatibleFormat = compatibleFormat;
		this.subscription = subscription;
	}

	/**
	 * @return the compatible API's {@code format} value
	 */
	public String compatibleFormat() {
		return this.compatibleFormat;
	}

	/**
	 * @return the compatible API's {@code is_subscription}
	 */
	public boolean subscription() {
		return this.subscription;
	}

}
