package io.atrium.catalog;

/**
 * How a buyer gets access to a product.
 *
 * @param kind members area or external
 * @param externalUrl for {@link DeliveryKind#EXTERNAL}: the http(s) address of the
 * producer's members area; null otherwise
 * @param accessInstructions for {@link DeliveryKind#EXTERNAL}: what the buyer must do to
 * get access (shown after the purchase); null otherwise
 */
public record Delivery(DeliveryKind kind, String externalUrl, String accessInstructions) {

	/**
	 * @return delivery in Atrium's members area
	 */
	public static Delivery membersArea() {
		return new Delivery(DeliveryKind.MEMBERS_AREA, null, null);
	}

	/**
	 * @param url the http(s) address
	 * @param instructions what the buyer must do
	 * @return delivery in the producer's own members area
	 */
	public static Delivery external(String url, String instructions) {
		return new Delivery(DeliveryKind.EXTERNAL, url, instructions);
	}

}
