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

	@Test
	void imagesAreRecognisedByTheirFirstBytes() {
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0 };
		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 };
		byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes();
		assertThat(ImageTypes.contentType(png)).isEqualTo("image/png");
		assertThat(ImageTypes.contentType(jpeg)).isEqualTo("image/jpeg");
		assertThat(ImageTypes.contentType(webp)).isEqualTo("image/webp");
		assertThat(ImageTypes.contentType("GIF89a....".getBytes())).isNull();
		assertThat(ImageTypes.contentType("<svg xmlns=...>".getBytes())).isNull();
		assertThat(ImageTypes.contentType(new byte[0])).isNull();
	}

}
