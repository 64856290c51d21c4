package io.atrium.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import io.atrium.shared.Money;
import io.atrium.support.AtriumIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What other modules get from {@link Catalog}: offers for sale, coupon decisions, product
 * summaries.
 */
@AtriumIntegrationTest
class CatalogIntegrationTests {

	@Autowired
	Catalog catalog;

	@Autowired
	Products products;

	@Autowired
	Offers offers;

	@Autowired
	Coupons coupons;

	final long producer = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);

	Product product(String name, DeliveryKind kind) {
		Delivery delivery = (kind == DeliveryKind.EXTERNAL)
				? Delivery.external("https://members.example.com", "Log in with your e-mail") : Delivery.membersArea();
		return this.products.create(this.producer, new ProductDetails(name, "About", "help@example.com",
				ProductFormat.ONLINE_COURSE, ProductStatus.ACTIVE, 21, delivery), ImageChange.keep());
	}

	@Test
	void anOfferForSaleCarriesItsProductAndTerms() {
		Product product = product("Sold", DeliveryKind.EXTERNAL);
		Offer first = this.offers.create(this.producer, product.id(),
				new OfferDetails("Once", Money.of(49700, "BRL"), PaymentMode.SINGLE, null, null));
		assertThatThrownBy(() -> this.offers.create(this.producer, product.id(),
				new OfferDetails("Plan", Money.of(3990, "USD"), PaymentMode.RECURRING,
						new RecurringPlan(BillingPeriod.QUARTERLY, 4, 7), 99L)))
			.isInstanceOf(InvalidCatalogInput.class)
			.hasMessageContaining("no members-area group 99");
		Offer plan = this.offers.create(this.producer, product.id(), new OfferDetails("Plan", Money.of(3990, "USD"),
				PaymentMode.RECURRING, new RecurringPlan(BillingPeriod.QUARTERLY, 4, 7), null));
		assertThat(this.catalog.offerForSale(first.code()).orElseThrow().main()).isTrue();
		assertThat(this.catalog.offerForSale(plan.code()).orElseThrow().main()).isFalse();

		OfferForSale sale = this.catalog.offerForSale(plan.code().toUpperCase()).orElseThrow();
		assertThat(sale.offerId()).isEqualTo(plan.id());
		assertThat(sale.price()).isEqualTo(Money.of(3990, "USD"));
		assertThat(sale.paymentMode()).isEqualTo(PaymentMode.RECURRING);
		assertThat(sale.plan()).isEqualTo(new RecurringPlan(BillingPeriod.QUARTERLY, 4, 7));
		assertThat(sale.plan().period().intervalDays()).isEqualTo(90);
		assertThat(sale.clubGroupId()).isNull();
		assertThat(sale.main()).isFalse();
		assertThat(sale.product()).isEqualTo(product.summary());
		assertThat(sale.product().delivery().accessInstructions()).isEqualTo("Log in with your e-mail");
		assertThat(this.catalog.offerForSale("zzzzzzzz")).isEmpty();
		assertThat(this.catalog.offerForSale("../x")).isEmpty();

		this.offers.makeMain(this.producer, product.id(), plan.id());
		assertThat(this.catalog.offerForSale(plan.code()).orElseThrow().main()).isTrue();
		assertThat(this.catalog.offerForSale(first.code()).orElseThrow().main()).isFalse();

		assertThat(this.catalog.product(product.id())).contains(product.summary());
		assertThat(this.catalog.productsOf(this.producer)).containsExactly(product.summary());
		assertThat(this.catalog.product(1)).isEmpty();
	}

	@Test
	void couponsAreDecidedForAnOfferAtAnInstant() {
		Product product = product("Coupons", DeliveryKind.MEMBERS_AREA);
		Offer a = this.offers.create(this.producer, product.id(),
				new OfferDetails("A", Money.of(3990, "BRL"), PaymentMode.SINGLE, null, null));
		Offer b = this.offers.create(this.producer, product.id(),
				new OfferDetails("B", Money.of(10000, "BRL"), PaymentMode.SINGLE, null, null));
		Instant start = Instant.parse("2030-01-01T00:00:00Z");
		Instant end = Instant.parse("2030-02-01T00:00:00Z");
		Coupon windowed = this.coupons.create(this.producer, product.id(),
				new CouponDetails("janeiro", new BigDecimal("0.15"), start, end, Set.of(a.id())));
		assertThat(this.catalog.checkCoupon(a.code(), "Janeiro", start)).isEqualTo(
				new CouponDecision.Applied(windowed.id(), "JANEIRO", new BigDecimal("0.15"), Money.of(3392, "BRL")));
		assertThat(this.catalog.checkCoupon(a.code(), "JANEIRO", start.minusMillis(1)))
			.isEqualTo(new CouponDecision.Refused(RefusalReason.NOT_YET_VALID, start));
		assertThat(this.catalog.checkCoupon(a.code(), "JANEIRO", end))
			.isEqualTo(new CouponDecision.Refused(RefusalReason.EXPIRED, end));
		assertThat(this.catalog.checkCoupon(b.code(), "JANEIRO", start))
			.isEqualTo(new CouponDecision.Refused(RefusalReason.NOT_FOR_THIS_OFFER, null));
		assertThat(this.catalog.checkCoupon(a.code(), "NOPE", start))
			.isEqualTo(new CouponDecision.Refused(RefusalReason.UNKNOWN_COUPON, null));
		assertThat(this.catalog.checkCoupon(a.code(), "not a code!", start))
			.isEqualTo(new CouponDecision.Refused(RefusalReason.UNKNOWN_COUPON, null));
		assertThat(this.catalog.checkCoupon("zzzzzzzz", "JANEIRO", start))
			.isEqualTo(new CouponDecision.Refused(RefusalReason.UNKNOWN_OFFER, null));

		Product other = product("Other", DeliveryKind.MEMBERS_AREA);
		Offer otherOffer = this.offers.create(this.producer, other.id(),
				new OfferDetails("C", Money.of(100, "EUR"), PaymentMode.SINGLE, null, null));
		assertThat(this.catalog.checkCoupon(otherOffer.code(), "JANEIRO", start))
			.isEqualTo(new CouponDecision.Refused(RefusalReason.NOT_FOR_THIS_PRODUCT, null));

		this.coupons.delete(this.producer, windowed.id());
		assertThat(this.catalog.checkCoupon(a.code(), "JANEIRO", start))
			.isEqualTo(new CouponDecision.Refused(RefusalReason.UNKNOWN_COUPON, null));
	}

}
