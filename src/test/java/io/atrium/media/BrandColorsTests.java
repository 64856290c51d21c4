package io.atrium.media;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A brand colour's derived colours keep text readable (WCAG AA, 4.5:1) whatever colour a
 * producer picks.
 */
class BrandColorsTests {

	@Test
	void onlySixDigitHexColoursAreAccepted() {
		assertThat(BrandColors.normalise("#1A73E8")).isEqualTo("#1a73e8");
		assertThat(BrandColors.normalise(" 1a73e8 ")).isEqualTo("#1a73e8");
		assertThat(BrandColors.normalise("#fff")).isNull();
		assertThat(BrandColors.normalise("red")).isNull();
		assertThat(BrandColors.normalise("#12345g")).isNull();
		assertThat(BrandColors.normalise("#123456;}body{")).isNull();
		assertThat(BrandColors.normalise(null)).isNull();
	}

	@Test
	void lightColoursGetBlackTextAndADarkerLinkColour() {
		BrandColors yellow = BrandColors.of("#ffd600");
		assertThat(yellow.contrast()).isEqualTo("#000000");
		assertThat(yellow.accent()).isNotEqualTo("#ffd600");
		assertThat(BrandColors.ratio(hex(yellow.accent()), 0xFFFFFF)).isGreaterThanOrEqualTo(4.5);
	}

	@Test
	void darkColoursGetWhiteTextAndAreTheirOwnLinkColour() {
		BrandColors navy = BrandColors.of("#1a237e");
		assertThat(navy.contrast()).isEqualTo("#ffffff");
		assertThat(navy.accent()).isEqualTo("#1a237e");
	}

	@Test
	void everyColourKeepsAaContrastForButtonsAndLinks() {
		Random random = new Random(12);
		for (int i = 0; i < 5000; i++) {
			String hex = String.format("#%06x", random.nextInt(0x1000000));
			BrandColors colors = BrandColors.of(hex);
			assertThat(BrandColors.ratio(hex(colors.brand()), hex(colors.contrast()))).as(hex)
				.isGreaterThanOrEqualTo(4.5);
			assertThat(BrandColors.ratio(hex(colors.accent()), 0xFFFFFF)).as(hex).isGreaterThanOrEqualTo(4.5);
			assertThat(BrandColors.ratio(hex(colors.hover()), hex(colors.contrast()))).as(hex)
				.isGreaterThanOrEqualTo(4.5);
		}
	}

	@Test
	void theStyleSheetSetsTheBrandAndBootstrapVariables() {
		String css = BrandColors.stylesheet(BrandColors.of("#ffd600"));
		assertThat(css).contains("--atrium-brand: #ffd600;", "--atrium-brand-contrast: #000000;", "--bs-primary: #",
				"--bs-primary-rgb: ", "--bs-link-color: #", "--bs-link-color-rgb: ", ".btn-primary {",
				"--bs-btn-bg: #ffd600;", "--bs-btn-color: #000000;");
		assertThat(BrandColors.stylesheet(null)).contains(".atrium-brand-logo").doesNotContain("--bs-primary");
	}

	private static int hex(String color) {
		return Integer.parseInt(color.substring(1), 16);
	}

}
