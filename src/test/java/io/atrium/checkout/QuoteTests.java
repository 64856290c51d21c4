package io.atrium.checkout;

import java.math.BigDecimal;
import java.util.UUID;

import io.atrium.catalog.CouponDecision;
import io.atrium.catalog.Delivery;
import io.atrium.catalog.OfferForSale;
import io.atrium.catalog.PaymentMode;
import io.atrium.catalog.ProductFormat;
import io.atrium.catalog.ProductStatus;
import io.atrium.catalog.ProductSummary;
import io.atrium.catalog.RefusalReason;
import io.atrium.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuoteTests {

	static OfferForSale offer(Money price) {
		ProductSummary product = new ProductSummary(1000000, UUID.randomUUID(), 7, "Course", "",
				ProductFormat.ONLINE_COURSE, ProductStatus.ACTIVE, 7, Delivery.membersArea(), "help@example.com",
				false);
		return new OfferForSale(1, "abcd1234", "Full", product, price, PaymentMode.SINGLE, null, null, true);
	}

	@Test
	void withoutACouponTheOfferPriceIsCharged() {
		Quote quote = Quote.of(offer(Money.of(4990, "BRL")), null);
		assertThat(quote.price()).isEqualTo(Money.of(4990, "BRL"));
		assertThat(quote.discount()).isEqualTo(Money.of(0, "BRL"));
		assertThat(quote.couponCode()).isNull();
	}

	@Test
	void anAppliedCouponChargesTheDiscountedPrice() {
		Quote quote = Quote.of(offer(Money.of(4990, "BRL")),
				new CouponDecision.Applied(3, "BREAD20", new BigDecimal("0.2"), Money.of(3992, "BRL")));
		assertThat(quote.price()).isEqualTo(Money.of(3992, "BRL"));
		assertThat(quote.discount()).isEqualTo(Money.of(998, "BRL"));
		assertThat(quote.couponCode()).isEqualTo("BREAD20");
	}

	@Test
	void aRefusedCouponKeepsTheListPriceAndSaysWhy() {
		Quote quote = Quote.of(offer(Money.of(100, "USD")),
				new CouponDecision.Refused(RefusalReason.EXPIRED, java.time.Instant.EPOCH));
		assertThat(quote.price()).isEqualTo(Money.of(100, "USD"));
		assertThat(quote.refusal().reason()).isEqualTo(RefusalReason.EXPIRED);
	}

	@Test
	void aDiscountedPriceInAnotherCurrencyOrAboveTheListPriceOrNotPositiveIsRefused() {
		OfferForSale offer = offer(Money.of(1000, "EUR"));
		assertThatThrownBy(
				() -> Quote.of(offer, new CouponDecision.Applied(1, "X", BigDecimal.ONE, Money.of(500, "BRL"))))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(
				() -> Quote.of(offer, new CouponDecision.Applied(1, "X", BigDecimal.ONE, Money.of(1001, "EUR"))))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(
				() -> Quote.of(offer, new CouponDecision.Applied(1, "X", BigDecimal.ONE, Money.of(0, "EUR"))))
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void moneyIsShownInTheReadersLanguage() {
		assertThat(MoneyText.format(Money.of(4990, "BRL"), java.util.Locale.forLanguageTag("pt-BR")))
			.isEqualTo("R$\u00a049,90");
		assertThat(MoneyText.format(Money.of(4990, "USD"), java.util.Locale.ENGLISH)).isEqualTo("$49.90");
	}

}
