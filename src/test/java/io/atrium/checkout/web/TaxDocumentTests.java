package io.atrium.checkout.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CPF and CNPJ check digits, as the checkout checks a Brazilian buyer's document.
 */
class TaxDocumentTests {

	@Test
	void aCpfWithRightCheckDigitsIsValidWithOrWithoutPunctuation() {
		assertThat(TaxDocument.isValid("123.456.789-09")).isTrue();
		assertThat(TaxDocument.isValid("12345678909")).isTrue();
		assertThat(TaxDocument.isValid(" 529.982.247-25 ")).isTrue();
	}

	@Test
	void aCpfWithAWrongCheckDigitIsNot() {
		assertThat(TaxDocument.isValid("123.456.789-08")).isFalse();
		assertThat(TaxDocument.isValid("123.456.789-19")).isFalse();
		assertThat(TaxDocument.isValid("529.982.247-24")).isFalse();
	}

	@Test
	void repeatedDigitsPassTheArithmeticButAreNoDocument() {
		assertThat(TaxDocument.isValid("111.111.111-11")).isFalse();
		assertThat(TaxDocument.isValid("00000000000000")).isFalse();
	}

	@Test
	void aCnpjIsCheckedByItsOwnWeights() {
		assertThat(TaxDocument.isValid("11.222.333/0001-81")).isTrue();
		assertThat(TaxDocument.isValid("11.222.333/0001-80")).isFalse();
	}

	@Test
	void otherLengthsAndLettersAreNotADocument() {
		assertThat(TaxDocument.isValid("1234567890")).isFalse();
		assertThat(TaxDocument.isValid("123.456.789-0X")).isFalse();
		assertThat(TaxDocument.isValid("")).isFalse();
		assertThat(TaxDocument.isValid(null)).isFalse();
	}

}
