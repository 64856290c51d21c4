package io.atrium.catalog;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfferCodesTests {

	@Test
	void codesAreEightLowercaseLettersOrDigitsAndDiffer() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 2000; i++) {
			String code = OfferCodes.next();
			assertThat(code).matches("[a-z0-9]{8}");
			seen.add(code);
		}
		assertThat(seen).hasSize(2000);
		assertThat(String.join("", seen)).contains("a", "z", "0", "9");
	}

	@Test
	void onlyThatFormatIsAnOfferCode() {
		assertThat(OfferCodes.isValid("02mhofjd")).isTrue();
		assertThat(OfferCodes.isValid("02MHOFJD")).isFalse();
		assertThat(OfferCodes.isValid("02mhofj")).isFalse();
		assertThat(OfferCodes.isValid("02mhofj_")).isFalse();
		assertThat(OfferCodes.isValid(null)).isFalse();
	}

	@Test
	void theFirstOfferIsMainAndOnlyAnOfferOfTheProductCanTakeItOver() {
		assertThat(MainOffer.afterAdding(null, 5)).isEqualTo(5);
		assertThat(MainOffer.afterAdding(5L, 6)).isEqualTo(5);
		assertThat(MainOffer.afterChoosing(Set.of(5L, 6L), 6)).isEqualTo(6);
		assertThatThrownBy(() -> MainOffer.afterChoosing(Set.of(5L, 6L), 7)).isInstanceOf(CatalogNotFound.class);
	}

}
