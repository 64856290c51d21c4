/**
 * Media: images a producer uploads (logo, favicon, product and module covers, lesson
 * images) and the producer's brand.
 * <p>
 * {@link io.atrium.media.Images} checks an upload (type by content, byte and pixel
 * limits), resizes it into the variants its {@link io.atrium.media.ImagePurpose} needs,
 * strips its metadata and stores the variants through a {@link io.atrium.media.BlobStore}
 * (the database by default, an S3-compatible store as an option). Variants are served at
 * {@code /media/{key}/{variant}.{ext}}, addresses that never change and are cached for a
 * year. {@link io.atrium.media.Branding} gives the pages buyers and students see the
 * producer's {@link io.atrium.media.Brand}. The module depends on no other business
 * module: the catalog and the members area keep references to its images. See
 * docs/media.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Media")
package io.atrium.media;
