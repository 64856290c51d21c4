package io.atrium.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

import io.atrium.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CatalogRulesTests {

	private static ProductDetails product(String name, int warranty, Delivery delivery) {
		return new ProductDetails(name, " about ", " Help@Example.COM ", ProductFormat.ONLINE_COURSE,
				ProductStatus.DRAFT, warranty, delivery);
	}

	private static OfferDetails offer(long amount, PaymentMode mode, RecurringPlan plan) {
		return new OfferDetails("Main", Money.of(amount, "BRL"), mode, plan, null);
	}

	private static CouponDetails coupon(String code, String discount, Instant start, Instant end) {
		return new CouponDetails(code, (discount != null) ? new BigDecimal(discount) : null, start, end, Set.of());
	}

	private static java.util.List<String> codes(Runnable action) {
		return catchThrowableOfType(InvalidCatalogInput.class, action::run).violations()
			.stream()
			.map(InvalidCatalogInput.Violation::code)
			.toList();
	}

	@Test
	void aValidProductIsCleanedUp() {
		ProductDetails clean = CatalogRules.product(product("  Photo course ", 7, Delivery.membersArea()));
		assertThat(clean.name()).isEqualTo("Photo course");
		assertThat(clean.description()).isEqualTo("about");
		assertThat(clean.supportEmail()).isEqualTo("help@example.com");
	}

	@Test
	void everyBrokenProductRuleIsListed() {
		assertThat(codes(() -> CatalogRules.product(product(" ", 10, Delivery.external("ftp://x", " ")))))
			.containsExactlyInAnyOrder("name.required", "warranty.invalid", "external-url.invalid",
					"instructions.required");
		assertThat(codes(() -> CatalogRules.product(product("x".repeat(101), 30, null))))
			.containsExactlyInAnyOrder("name.too-long", "delivery.required");
	}

	@Test
	void externalDeliveryNeedsAWebAddressAndMembersAreaDropsIt() {
		assertThat(CatalogRules.product(product("A", 21, Delivery.external("https://members.example.com/x", "Log in")))
			.delivery()).isEqualTo(Delivery.external("https://members.example.com/x", "Log in"));
		assertThat(CatalogRules.product(product("A", 15, new Delivery(DeliveryKind.MEMBERS_AREA, "https://x.y", "z")))
			.delivery()).isEqualTo(Delivery.membersArea());
		assertThat(CatalogRules.isWebAddress("javascript:alert(1)")).isFalse();
		assertThat(CatalogRules.isWebAddress("https://")).isFalse();
		assertThat(CatalogRules.isWebAddress("http://user:pw@example.com")).isFalse();
	}

	@Test
	void anOfferNeedsAPositivePriceAndARecurringOneAPeriod() {
		assertThat(codes(() -> CatalogRules.offer(offer(0, PaymentMode.SINGLE, null)))).containsExactly("price.range");
		assertThat(codes(() -> CatalogRules.offer(offer(-100, PaymentMode.SINGLE, null))))
			.containsExactly("price.range");
		assertThat(codes(() -> CatalogRules.offer(offer(10_000_000_000L, PaymentMode.SINGLE, null))))
			.containsExactly("price.range");
		assertThat(codes(() -> CatalogRules.offer(offer(100, PaymentMode.RECURRING, null))))
			.containsExactly("period.required");
		assertThat(codes(() -> CatalogRules
			.offer(offer(100, PaymentMode.RECURRING, new RecurringPlan(BillingPeriod.MONTHLY, 0, 400)))))
			.containsExactlyInAnyOrder("max-charges.range", "trial.range");
		assertThat(CatalogRules.offer(offer(100, PaymentMode.SINGLE, new RecurringPlan(BillingPeriod.MONTHLY, 3, 7)))
			.plan()).isNull();
	}

	@Test
	void aSinglePaymentAllowsOneToTwelveInstallmentsAndAPlanAlwaysOne() {
		assertThat(CatalogRules.offer(installments(PaymentMode.SINGLE, null, 12)).maxInstallments()).isEqualTo(12);
		assertThat(CatalogRules.offer(installments(PaymentMode.SINGLE, null, 1)).maxInstallments()).isEqualTo(1);
		assertThat(codes(() -> CatalogRules.offer(installments(PaymentMode.SINGLE, null, 0))))
			.containsExactly("max-installments.range");
		assertThat(codes(() -> CatalogRules.offer(installments(PaymentMode.SINGLE, null, 13))))
			.containsExactly("max-installments.range");
		assertThat(CatalogRules
			.offer(installments(PaymentMode.RECURRING, new RecurringPlan(BillingPeriod.MONTHLY, null, 0), 6))
			.maxInstallments()).isEqualTo(1);
	}

	private static OfferDetails installments(PaymentMode mode, RecurringPlan plan, int max) {
		return new OfferDetails("Full", Money.of(9700, "BRL"), mode, plan, null, max);
	}

	@Test
	void aCouponCodeIsUpperCasedAndItsDiscountBetweenZeroAndNinetyNinePercent() {
		assertThat(CatalogRules.coupon(coupon(" bemVindo-20_x ", "0.2", null, null)).code()).isEqualTo("BEMVINDO-20_X");
		assertThat(codes(() -> CatalogRules.coupon(coupon("WITH SPACE", "0.2", null, null))))
			.containsExactly("coupon-code.invalid");
		assertThat(codes(() -> CatalogRules.coupon(coupon("X".repeat(26), "0.2", null, null))))
			.containsExactly("coupon-code.invalid");
		assertThat(CatalogRules.coupon(coupon("X".repeat(25), "0.9899", null, null)).discount())
			.isEqualByComparingTo("0.9899");
		assertThat(codes(() -> CatalogRules.coupon(coupon("A", "0", null, null)))).containsExactly("discount.range");
		assertThat(codes(() -> CatalogRules.coupon(coupon("A", "0.99", null, null)))).containsExactly("discount.range");
		assertThat(codes(() -> CatalogRules.coupon(coupon("A", "-0.1", null, null)))).containsExactly("discount.range");
		assertThat(codes(() -> CatalogRules.coupon(coupon("A", "0.12345", null, null))))
			.containsExactly("discount.precision");
		assertThat(codes(() -> CatalogRules.coupon(coupon("", null, null, null))))
			.containsExactlyInAnyOrder("coupon-code.required", "discount.required");
	}

	@Test
	void aCouponEndsAfterItStarts() {
		Instant start = Instant.parse("2026-03-01T00:00:00Z");
		assertThat(codes(() -> CatalogRules.coupon(coupon("A", "0.1", start, start))))
			.containsExactly("coupon-end.before-start");
		assertThat(codes(() -> CatalogRules.coupon(coupon("A", "0.1", start, start.minusSeconds(1)))))
			.containsExactly("coupon-end.before-start");
		assertThat(CatalogRules.coupon(coupon("A", "0.1", start, start.plusSeconds(1))).endsAt())
			.isEqualTo(start.plusSeconds(1));
	}

	@Test
	void discountsAreStoredExactlyInBasisPoints() {
		assertThat(CatalogRules.basisPoints(new BigDecimal("0.2"))).isEqualTo(2000);
		assertThat(CatalogRules.basisPoints(new BigDecimal("0.0001"))).isEqualTo(1);
		assertThat(CatalogRules.basisPoints(new BigDecimal("0.98990"))).isEqualTo(9899);
		assertThatThrownBy(() -> CatalogRules.basisPoints(new BigDecimal("0.00001")))
			.isInstanceOf(ArithmeticException.class);
	}

}
