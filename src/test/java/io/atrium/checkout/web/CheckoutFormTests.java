package io.atrium.checkout.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The card's expiry as the page asks for it ({@code MM/YY}) and as older posts send it.
 */
class CheckoutFormTests {

	@Test
	void theMaskedExpiryIsMonthAndTwoDigitYear() {
		assertThat(expiry("08/29")).containsExactly(8, 2029);
		assertThat(expiry(" 12 / 99 ")).containsExactly(12, 2099);
		assertThat(expiry("1/2031")).containsExactly(1, 2031);
	}

	@Test
	void anImpossibleExpiryIsZero() {
		assertThat(expiry("13/29")).containsExactly(0, 2029);
		assertThat(expiry("00/29")).containsExactly(0, 2029);
		assertThat(expiry("0829")).containsExactly(0, 0);
		assertThat(expiry("08/")).containsExactly(8, 0);
		assertThat(expiry("ab/cd")).containsExactly(0, 0);
	}

	@Test
	void separateMonthAndYearAreReadWhenTheExpiryIsMissing() {
		CheckoutForm form = new CheckoutForm("a", "", "", "", "", "", "CARD", "", "", "12", "2099", "", null, null);
		assertThat(form.expiryMonth()).isEqualTo(12);
		assertThat(form.expiryYear()).isEqualTo(2099);
	}

	@Test
	void installmentsAreOneWhenAbsentAndZeroWhenNotAWholeNumber() {
		assertThat(installments(null)).isEqualTo(1);
		assertThat(installments(" ")).isEqualTo(1);
		assertThat(installments("3")).isEqualTo(3);
		assertThat(installments(" 12 ")).isEqualTo(12);
		assertThat(installments("0")).isZero();
		assertThat(installments("-1")).isZero();
		assertThat(installments("3x")).isZero();
		assertThat(installments("99999999999")).isZero();
	}

	private static int installments(String posted) {
		return new CheckoutForm("a", "", "", "", "", "", "CARD", "", "", null, null, "", "", posted)
			.installmentsCount();
	}

	private static int[] expiry(String typed) {
		CheckoutForm form = new CheckoutForm("a", "", "", "", "", "", "CARD", "", "", null, null, "", typed, null);
		return new int[] { form.expiryMonth(), form.expiryYear() };
	}

}
