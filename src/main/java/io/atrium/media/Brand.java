package io.atrium.media;

/**
 * A producer's brand, as the layout shows it on the pages buyers and students see.
 *
 * @param name the brand's name (the logo's text alternative, or shown instead of a logo)
 * @param logoUrl the logo's address, or null
 * @param faviconUrl the favicon's address (32 px PNG), or null
 * @param stylesheetUrl the address of the style sheet with the brand's colours, or null
 * without a colour
 */
public record Brand(String name, String logoUrl, String faviconUrl, String stylesheetUrl) {
}
