package io.atrium.checkout;

import java.util.Locale;

import io.atrium.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MoneyText} keeps one format per language and currency: the same amount reads the
 * same every time, and a currency read in another language gets its own format.
 */
class MoneyTextTests {

	private static final Locale PT_BR = Locale.forLanguageTag("pt-BR");

	private static final Locale IT = Locale.ITALIAN;

	@Test
	void eachLanguageAndCurrencyKeepsItsOwnFormat() {
		for (int round = 0; round < 2; round++) {
			assertThat(MoneyText.format(Money.of(4990, "BRL"), PT_BR)).isEqualTo("R$\u00a049,90");
			assertThat(MoneyText.format(Money.of(4990, "USD"), Locale.ENGLISH)).isEqualTo("$49.90");
			assertThat(MoneyText.format(Money.of(123456, "EUR"), IT)).isEqualTo("1.234,56\u00a0€");
			assertThat(MoneyText.format(Money.of(4990, "BRL"), Locale.ENGLISH)).isEqualTo("R$49.90");
		}
	}

}
