package io.atrium.media;

/**
 * A change to a producer's brand.
 *
 * @param name the brand's name, 1 to 100 characters
 * @param color a colour {@code #rrggbb}, or blank for none
 * @param logo a new logo (PNG, JPEG or WebP), or null to keep the current one
 * @param removeLogo whether to remove the logo (ignored with a new one)
 * @param favicon a new favicon, or null to keep the current one
 * @param removeFavicon whether to remove the favicon (ignored with a new one)
 */
public record BrandChange(String name, String color, byte[] logo, boolean removeLogo, byte[] favicon,
		boolean removeFavicon) {
}
