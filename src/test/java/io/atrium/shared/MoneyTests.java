package io.atrium.shared;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTests {

	@Test
	void keepsMinorUnitsAndShowsMajorUnits() {
		Money price = Money.of(4990, "BRL");
		assertThat(price.decimal()).isEqualByComparingTo(new BigDecimal("49.90"));
		assertThat(price.toString()).isEqualTo("49.90 BRL");
		assertThat(price.withAmount(100).decimal()).isEqualByComparingTo("1.00");
	}

	@Test
	void refusesUnknownAndUnsupportedCurrencies() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of(100, "XYZ"));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of(100, "JPY"));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of(100, null));
	}

}
