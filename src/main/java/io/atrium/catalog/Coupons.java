package io.atrium.catalog;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.atrium.catalog.internal.CouponRows;
import io.atrium.catalog.internal.OfferRows;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coupons of a producer's products: create, list, delete. Scoped to one producer like
 * {@link Products}.
 */
@Service
public class Coupons {

	private final Products products;

	private final OfferRows offers;

	private final CouponRows rows;

	private final Clock clock;

	Coupons(Products products, OfferRows offers, CouponRows rows, Clock clock) {
		this.products = products;
		this.offers = offers;
		this.rows = rows;
		this.clock = clock;
	}

	/**
	 * Creates a coupon for a product.
	 * @param producerAccountId the owner
	 * @param productId the product
	 * @param details the terms (see {@link CouponDetails} for the rules); the offers it
	 * is limited to must be the product's
	 * @return the coupon
	 * @throws CatalogNotFound when the producer has no such product
	 * @throws InvalidCatalogInput listing every broken rule, including a code the product
	 * already has (in any case); nothing is saved
	 */
	@Transactional
	public Coupon create(long producerAccountId, long productId, CouponDetails details) {
		this.products.own(producerAccountId, productId);
		Violations problems = new Violations();
		CouponDetails clean = null;
		try {
			clean = CatalogRules.coupon(details);
		}
		catch (InvalidCatalogInput ex) {
			ex.violations().forEach((v) -> problems.add(v.field(), v.code(), v.message(), v.args().toArray()));
		}
		Set<Long> productOffers = this.offers.ofProduct(productId).stream().map(Offer::id).collect(Collectors.toSet());
		if (!productOffers.containsAll(details.offerIds())) {
			problems.add("offerIds", "coupon-offers.invalid", "A coupon can only be limited to offers of its product.");
		}
		if (clean != null && this.rows.codeExists(productId, clean.code())) {
			problems.add("code", "coupon-code.taken", "This product already has a coupon with this code.");
		}
		problems.throwIfAny();
		try {
			long id = this.rows.insert(producerAccountId, productId, clean.code(),
					CatalogRules.basisPoints(clean.discount()), clean.startsAt(), clean.endsAt(), clean.offerIds(),
					this.clock.instant());
			return this.rows.find(id).orElseThrow();
		}
		catch (DuplicateKeyException ex) {
			problems.add("code", "coupon-code.taken", "This product already has a coupon with this code.");
			problems.throwIfAny();
			throw ex;
		}
	}

	/**
	 * Checks terms without saving anything, for forms that found problems of their own.
	 * @param details the terms
	 * @return the broken rules (except those that need the product), empty when none
	 */
	public List<InvalidCatalogInput.Violation> problems(CouponDetails details) {
		try {
			CatalogRules.coupon(details);
			return List.of();
		}
		catch (InvalidCatalogInput ex) {
			return ex.violations();
		}
	}

	/**
	 * @param producerAccountId the owner
	 * @param productId the product
	 * @return its coupons, oldest first
	 * @throws CatalogNotFound when the producer has no such product
	 */
	@Transactional(readOnly = true)
	public List<Coupon> couponsOf(long producerAccountId, long productId) {
		this.products.own(producerAccountId, productId);
		return this.rows.ofProduct(productId);
	}

	/**
	 * @param producerAccountId the producer asking
	 * @param couponId a coupon id
	 * @return the coupon when it is of one of the producer's products
	 */
	@Transactional(readOnly = true)
	public Optional<Coupon> find(long producerAccountId, long couponId) {
		return this.rows.find(couponId).filter((c) -> this.products.find(producerAccountId, c.productId()).isPresent());
	}

	/**
	 * Deletes a coupon: it stops applying at once.
	 * @param producerAccountId the owner
	 * @param couponId the coupon
	 * @return the deleted coupon
	 * @throws CatalogNotFound when no product of the producer has that coupon
	 */
	@Transactional
	public Coupon delete(long producerAccountId, long couponId) {
		Coupon coupon = find(producerAccountId, couponId)
			.orElseThrow(() -> new CatalogNotFound("No coupon " + couponId + "."));
		this.rows.delete(couponId);
		return coupon;
	}

}
