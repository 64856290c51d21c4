package io.atrium.media;

/**
 * What a producer chose for their brand, as the branding page shows it.
 *
 * @param name the brand's name
 * @param color the brand colour ({@code #rrggbb}), or null
 * @param logoUrl the logo's address, or null
 * @param faviconUrl the favicon's address, or null
 * @param contrast the text colour computed for the brand colour, or null
 * @param accent the link colour computed for the brand colour, or null
 */
public record BrandSettings(String name, String color, String logoUrl, String faviconUrl, String contrast,
		String accent) {
}
