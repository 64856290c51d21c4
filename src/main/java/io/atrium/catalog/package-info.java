/**
 * The catalog: a producer's products, their offers (price, single payment or recurring
 * plan, shareable checkout link) and coupons.
 * <p>
 * Other modules read it through {@link io.atrium.catalog.Catalog}; the members area
 * implements {@link io.atrium.catalog.ClubGroupDirectory} (offer groups, and the default
 * group of a new members-area product). It publishes no events. Producers manage their
 * own catalog through {@link io.atrium.catalog.Products},
 * {@link io.atrium.catalog.Offers} and {@link io.atrium.catalog.Coupons} (pages, the
 * Atrium API, the Hotmart-compatible products API and demo data use them). See
 * docs/catalog.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package io.atrium.catalog;
