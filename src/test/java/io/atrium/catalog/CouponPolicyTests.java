package io.atrium.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

import io.atrium.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CouponPolicyTests {

	private static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

	private static final Instant END = Instant.parse("2026-03-31T12:00:00Z");

	private static final Money PRICE = Money.of(49700, "BRL");

	private static Coupon coupon(String discount, Instant start, Instant end, Long... offers) {
		return new Coupon(7, 1000000, "BEMVINDO20", new BigDecimal(discount), start, end, Set.of(offers), START);
	}

	@Test
	void appliesInsideItsWindowWithTheDiscountedPrice() {
		CouponDecision decision = CouponPolicy.decide(coupon("0.2", START, END), 1, PRICE, START.plusSeconds(60));
		assertThat(decision)
			.isEqualTo(new CouponDecision.Applied(7, "BEMVINDO20", new BigDecimal("0.2"), Money.of(39760, "BRL")));
	}

	@Test
	void theStartIsInclusiveAndTheEndExclusive() {
		assertThat(CouponPolicy.decide(coupon("0.1", START, END), 1, PRICE, START))
			.isInstanceOf(CouponDecision.Applied.class);
		assertThat(CouponPolicy.decide(coupon("0.1", START, END), 1, PRICE, START.minusMillis(1)))
			.isEqualTo(new CouponDecision.Refused(RefusalReason.NOT_YET_VALID, START));
		assertThat(CouponPolicy.decide(coupon("0.1", START, END), 1, PRICE, END.minusMillis(1)))
			.isInstanceOf(CouponDecision.Applied.class);
		assertThat(CouponPolicy.decide(coupon("0.1", START, END), 1, PRICE, END))
			.isEqualTo(new CouponDecision.Refused(RefusalReason.EXPIRED, END));
	}

	@Test
	void withoutDatesItAlwaysApplies() {
		assertThat(CouponPolicy.decide(coupon("0.5", null, null), 1, PRICE, Instant.EPOCH))
			.isInstanceOf(CouponDecision.Applied.class);
		assertThat(CouponPolicy.decide(coupon("0.5", null, null), 1, PRICE, Instant.parse("2999-01-01T00:00:00Z")))
			.isInstanceOf(CouponDecision.Applied.class);
	}

	@Test
	void unknownOrForOtherOffersIsRefused() {
		assertThat(CouponPolicy.decide(null, 1, PRICE, START))
			.isEqualTo(new CouponDecision.Refused(RefusalReason.UNKNOWN_COUPON, null));
		assertThat(CouponPolicy.decide(coupon("0.1", null, null, 2L, 3L), 1, PRICE, START))
			.isEqualTo(new CouponDecision.Refused(RefusalReason.NOT_FOR_THIS_OFFER, null));
		assertThat(CouponPolicy.decide(coupon("0.1", null, null, 2L, 3L), 3, PRICE, START))
			.isInstanceOf(CouponDecision.Applied.class);
	}

	@Test
	void theDiscountedPriceIsRoundedHalfUpToMinorUnits() {
		// 3990 * 0.85 = 3391.5 -> 3392
		assertThat(CouponPolicy.discounted(Money.of(3990, "BRL"), new BigDecimal("0.15")))
			.isEqualTo(Money.of(3392, "BRL"));
		// 999 * 0.6667 = 666.0333 -> 666 (a 33.33 % discount)
		assertThat(CouponPolicy.discounted(Money.of(999, "USD"), new BigDecimal("0.3333")))
			.isEqualTo(Money.of(666, "USD"));
		// 1 * 0.0101 = 0.0101 -> 0, never negative
		assertThat(CouponPolicy.discounted(Money.of(1, "EUR"), new BigDecimal("0.9899"))).isEqualTo(Money.of(0, "EUR"));
		// 1 * 0.5 = 0.5 -> 1 (half up)
		assertThat(CouponPolicy.discounted(Money.of(1, "EUR"), new BigDecimal("0.5"))).isEqualTo(Money.of(1, "EUR"));
	}

}
