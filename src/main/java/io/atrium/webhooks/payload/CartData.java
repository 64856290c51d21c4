package io.atrium.webhooks.payload;

/**
 * {@code data} of {@code PURCHASE_OUT_OF_SHOPPING_CART} (hotmart-api.md §8.6).
 *
 * @param affiliate whether an affiliate brought the buyer: always false
 * @param product the product
 * @param buyer who left
 * @param offer the offer
 * @param checkoutCountry the country of the checkout
 */
public record CartData(boolean affiliate, SubscriptionData.ProductIdName product, CartBuyer buyer,
		SubscriptionData.OfferCode offer, PurchaseData.Country checkoutCountry) {

	/**
	 * §8.6 {@code buyer}.
	 *
	 * @param name the name
	 * @param email the e-mail address
	 * @param phone empty (not asked)
	 */
	public record CartBuyer(String name, String email, String phone) {
	}

}
