package io.atrium.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.atrium.catalog.internal.CouponRows;
import io.atrium.catalog.internal.OfferRows;
import io.atrium.catalog.internal.ProductRows;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@link Catalog} other modules read.
 */
@Service
@Transactional(readOnly = true)
class CatalogService implements Catalog {

	private final ProductRows products;

	private final OfferRows offers;

	private final CouponRows coupons;

	CatalogService(ProductRows products, OfferRows offers, CouponRows coupons) {
		this.products = products;
		this.offers = offers;
		this.coupons = coupons;
	}

	@Override
	public Optional<OfferForSale> offerForSale(String offerCode) {
		return offer(offerCode).map((o) -> {
			ProductSummary product = this.products.find(o.productId()).orElseThrow().summary();
			OfferDetails d = o.details();
			return new OfferForSale(o.id(), o.code(), d.name(), product, d.price(), d.paymentMode(), d.plan(),
					d.clubGroupId(), o.main(), d.maxInstallments());
		});
	}

	@Override
	public List<OfferForSale> offersOf(long productId) {
		return this.offers.ofProduct(productId).stream().map((o) -> offerForSale(o.code()).orElseThrow()).toList();
	}

	@Override
	public CouponDecision checkCoupon(String offerCode, String couponCode, Instant at) {
		Optional<Offer> offer = offer(offerCode);
		if (offer.isEmpty()) {
			return new CouponDecision.Refused(RefusalReason.UNKNOWN_OFFER, null);
		}
		String code = (couponCode != null) ? couponCode.strip().toUpperCase(Locale.ROOT) : "";
		if (!CatalogRules.COUPON_CODE.matcher(code).matches()) {
			return new CouponDecision.Refused(RefusalReason.UNKNOWN_COUPON, null);
		}
		long productId = offer.get().productId();
		Coupon coupon = this.coupons.find(productId, code).orElse(null);
		if (coupon == null) {
			long producer = this.products.find(productId).orElseThrow().producerAccountId();
			if (this.coupons.existsOnOtherProduct(producer, productId, code)) {
				return new CouponDecision.Refused(RefusalReason.NOT_FOR_THIS_PRODUCT, null);
			}
		}
		return CouponPolicy.decide(coupon, offer.get().id(), offer.get().details().price(), at);
	}

	@Override
	public Optional<ProductSummary> product(long productId) {
		return this.products.find(productId).map(Product::summary);
	}

	@Override
	public List<ProductSummary> productsOf(long producerAccountId) {
		return this.products.list(producerAccountId, ProductFilter.NONE, null, 0, Integer.MAX_VALUE)
			.stream()
			.map(Product::summary)
			.toList();
	}

	private Optional<Offer> offer(String offerCode) {
		String code = (offerCode != null) ? offerCode.strip().toLowerCase(Locale.ROOT) : "";
		return OfferCodes.isValid(code) ? this.offers.findByCode(code) : Optional.empty();
	}

}
