package io.atrium.checkout;

import io.atrium.catalog.CouponDecision;
import io.atrium.catalog.OfferForSale;
import io.atrium.shared.Money;

/**
 * What a checkout charges: the offer's price, or the coupon's discounted price. Always
 * computed on the server from the catalog, never taken from a form or a request body.
 *
 * @param listPrice the offer's price
 * @param price what is charged
 * @param couponCode the coupon applied, as stored (upper case), or null
 * @param refusal why the coupon asked for does not apply, or null
 */
public record Quote(Money listPrice, Money price, String couponCode, CouponDecision.Refused refusal) {

	/**
	 * @param offer the offer
	 * @param decision the catalog's decision on the coupon asked for, or null for none
	 * @return the quote
	 * @throws IllegalStateException when a discounted price is not a positive amount in
	 * the offer's currency no higher than its price
	 */
	public static Quote of(OfferForSale offer, CouponDecision decision) {
		Money list = offer.price();
		if (decision instanceof CouponDecision.Applied applied) {
			Money discounted = applied.discountedPrice();
			if (!discounted.currency().equals(list.currency()) || discounted.amountMinor() <= 0
					|| discounted.amountMinor() > list.amountMinor()) {
				throw new IllegalStateException("Coupon " + applied.code() + " gives " + discounted + " for " + list);
			}
			return new Quote(list, discounted, applied.code(), null);
		}
		return new Quote(list, list, null, (decision instanceof CouponDecision.Refused refused) ? refused : null);
	}

	/**
	 * @return the discount in the offer's currency (zero without a coupon)
	 */
	public Money discount() {
		return this.listPrice.withAmount(this.listPrice.amountMinor() - this.price.amountMinor());
	}

}
