package io.atrium.media;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The colours derived from a brand colour, so that text on them passes WCAG AA (4.5:1):
 * the text colour on the brand colour (black or white, whichever contrasts more; one of
 * them always reaches 4.58:1), and an accent for links and outlines on the white page
 * (the brand colour darkened until it reaches 4.5:1 against white). Pure.
 *
 * @param brand the brand colour, {@code #rrggbb}
 * @param contrast the text colour on it
 * @param accent the brand colour, darkened if needed, for text on white
 * @param hover the buttons' colour under the pointer (a step darker)
 */
record BrandColors(String brand, String contrast, String accent, String hover) {

	private static final Pattern HEX = Pattern.compile("#?[0-9a-fA-F]{6}");

	/** The contrast ratio WCAG AA asks for normal text. */
	static final double AA = 4.5;

	/**
	 * @param hex {@code #rrggbb} or {@code rrggbb}, any case
	 * @return the normalised colour ({@code #rrggbb}, lower case), or null when it is not
	 * one
	 */
	static String normalise(String hex) {
		if (hex == null || !HEX.matcher(hex.trim()).matches()) {
			return null;
		}
		String digits = hex.trim().startsWith("#") ? hex.trim().substring(1) : hex.trim();
		return "#" + digits.toLowerCase(Locale.ROOT);
	}

	/**
	 * @param hex a valid colour ({@link #normalise})
	 * @return its derived colours
	 */
	static BrandColors of(String hex) {
		String brand = normalise(hex);
		int rgb = Integer.parseInt(brand.substring(1), 16);
		String contrast = ratio(rgb, 0xFFFFFF) >= ratio(rgb, 0x000000) ? "#ffffff" : "#000000";
		int accent = rgb;
		while (ratio(accent, 0xFFFFFF) < AA) {
			accent = darker(accent, 0.9);
		}
		int hover = "#ffffff".equals(contrast) ? darker(rgb, 0.85) : lighter(rgb, 0.15);
		return new BrandColors(brand, contrast, hex(accent), hex(hover));
	}

	/**
	 * @return the WCAG contrast ratio of two colours (1 to 21)
	 */
	static double ratio(int a, int b) {
		double la = luminance(a);
		double lb = luminance(b);
		return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
	}

	static double luminance(int rgb) {
		return 0.2126 * channel((rgb >> 16) & 0xFF) + 0.7152 * channel((rgb >> 8) & 0xFF)
				+ 0.0722 * channel(rgb & 0xFF);
	}

	private static double channel(int value) {
		double c = value / 255.0;
		return (c <= 0.04045) ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
	}

	private static int darker(int rgb, double factor) {
		return ((int) (((rgb >> 16) & 0xFF) * factor) << 16) | ((int) (((rgb >> 8) & 0xFF) * factor) << 8)
				| (int) ((rgb & 0xFF) * factor);
	}

	private static int lighter(int rgb, double amount) {
		int r = (rgb >> 16) & 0xFF;
		int g = (rgb >> 8) & 0xFF;
		int b = rgb & 0xFF;
		return ((int) (r + (255 - r) * amount) << 16) | ((int) (g + (255 - g) * amount) << 8)
				| (int) (b + (255 - b) * amount);
	}

	/**
	 * @return {@code r, g, b} of a colour, for Bootstrap's {@code -rgb} variables
	 */
	static String rgb(String hex) {
		int rgb = Integer.parseInt(hex.substring(1), 16);
		return ((rgb >> 16) & 0xFF) + ", " + ((rgb >> 8) & 0xFF) + ", " + (rgb & 0xFF);
	}

	private static String hex(int rgb) {
		return String.format(Locale.ROOT, "#%06x", rgb & 0xFFFFFF);
	}

	/**
	 * @param colors a brand's colours, or null without a colour
	 * @return the brand style sheet: CSS variables and two rules (the CSP forbids inline
	 * styles)
	 */
	static String stylesheet(BrandColors colors) {
		String logo = """
				.atrium-brand-logo {
				  max-height: 2.5rem;
				  max-width: 12rem;
				  width: auto;
				  height: auto;
				}
				""";
		if (colors == null) {
			return "/* Atrium brand (docs/media.md) */\n" + logo;
		}
		return """
				/* Atrium brand colours (docs/media.md) */
				:root, [data-bs-theme=light] {
				  --atrium-brand: %1$s;
				  --atrium-brand-contrast: %2$s;
				  --atrium-brand-accent: %3$s;
				  --bs-primary: %3$s;
				  --bs-primary-rgb: %4$s;
				  --bs-link-color: %3$s;
				  --bs-link-color-rgb: %4$s;
				  --bs-link-hover-color: %3$s;
				  --bs-link-hover-color-rgb: %4$s;
				  --bs-primary-text-emphasis: %3$s;
				  --bs-focus-ring-color: rgba(%4$s, 0.35);
				}
				.btn-primary {
				  --bs-btn-color: %2$s;
				  --bs-btn-bg: %1$s;
				  --bs-btn-border-color: %1$s;
				  --bs-btn-hover-color: %2$s;
				  --bs-btn-hover-bg: %5$s;
				  --bs-btn-hover-border-color: %5$s;
				  --bs-btn-active-color: %2$s;
				  --bs-btn-active-bg: %5$s;
				  --bs-btn-active-border-color: %5$s;
				  --bs-btn-disabled-color: %2$s;
				  --bs-btn-disabled-bg: %1$s;
				  --bs-btn-disabled-border-color: %1$s;
				  --bs-btn-focus-shadow-rgb: %4$s;
				}
				.btn-outline-primary {
				  --bs-btn-color: %3$s;
				  --bs-btn-border-color: %3$s;
				  --bs-btn-hover-color: #ffffff;
				  --bs-btn-hover-bg: %3$s;
				  --bs-btn-hover-border-color: %3$s;
				  --bs-btn-active-color: #ffffff;
				  --bs-btn-active-bg: %3$s;
				  --bs-btn-active-border-color: %3$s;
				  --bs-btn-focus-shadow-rgb: %4$s;
				}
				header.border-bottom {
				  border-bottom: 3px solid var(--atrium-brand) !important;
				}
				""".formatted(colors.brand, colors.contrast, colors.accent, rgb(colors.accent), colors.hover) + logo;
	}

}
