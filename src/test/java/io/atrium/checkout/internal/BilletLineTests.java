package io.atrium.checkout.internal;

import java.time.LocalDate;
import java.util.Random;

import io.atrium.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox's boleto lines: laid out and checked as FEBRABAN specifies.
 */
class BilletLineTests {

	@Test
	void fieldCheckDigitsAreModulo10AndTheBarcodeDigitModulo11() {
		// Banco do Brasil's published example: 00190.50095 … and its barcode
		assertThat(BilletLine.mod10("001905009")).isEqualTo(5);
		assertThat(BilletLine.mod11("0019373700000001000500940144816060680935031")).isEqualTo(3);
	}

	@Test
	void bancoDoBrasilsPublishedExampleIsValid() {
		assertThat(BilletLine.isValid("00190.50095 40144.816069 06809.350314 3 37370000000100")).isTrue();
	}

	@Test
	void anIssuedLineHas47DigitsThatPassEveryCheck() {
		Random random = new Random(42);
		for (int i = 0; i < 100; i++) {
			String line = BilletLine.issue("999", Money.of(9000 + i, "BRL"), LocalDate.of(2026, 12, 10), random);
			assertThat(line).matches("\\d{47}").startsWith("9999");
			assertThat(BilletLine.isValid(line)).as(line).isTrue();
		}
	}

	@Test
	void theLineEndsWithTheDueDateFactorAndTheAmount() {
		String line = BilletLine.issue("999", Money.of(9000, "BRL"), LocalDate.of(2025, 2, 22), new Random(1));
		assertThat(line).endsWith("10000000009000");
		String later = BilletLine.issue("999", Money.of(12345, "BRL"), LocalDate.of(2026, 12, 10), new Random(1));
		// 22 Feb 2025 is factor 1000; 10 Dec 2026 is 656 days later
		assertThat(later).endsWith("16560000012345");
	}

	@Test
	void aMistypedDigitIsCaught() {
		String line = BilletLine.issue("999", Money.of(9000, "BRL"), LocalDate.of(2026, 12, 10), new Random(7));
		char wrong = (line.charAt(12) == '0') ? '1' : '0';
		String mistyped = line.substring(0, 12) + wrong + line.substring(13);
		assertThat(BilletLine.isValid(mistyped)).isFalse();
		assertThat(BilletLine.isValid("123")).isFalse();
	}

	@Test
	void isFormattedAsBanksPrintIt() {
		assertThat(BilletLine.format("00190000090123456789123456789012345670000010000"))
			.isEqualTo("00190.00009 01234.567891 23456.789012 3 45670000010000");
		assertThat(BilletLine.format("not a line")).isEqualTo("not a line");
		assertThat(BilletLine.format(null)).isNull();
	}

}
