/**
 * The members area ("club"): each producer's area with its own subdomain, the modules and
 * pages of each product, groups with per-group visibility, drip and expiration,
 * enrolments (a student in exactly one group of a product), progress and comments.
 * <p>
 * One function, {@link io.atrium.club.AccessPolicy#decide}, answers whether a student may
 * open a page and why not; the student's pages, the producer's "why" page and both APIs
 * use it through {@link io.atrium.club.ClubAccess}. The module listens to
 * {@code ProductCreated} (default group), {@code PurchaseApproved} (enrolment),
 * {@code PurchaseRefunded} and {@code PurchaseChargedBack} (access ends) inside the
 * publishing transaction, so an approved purchase and its enrolment commit together. It
 * publishes {@link io.atrium.club.ClubFirstAccess} and
 * {@link io.atrium.club.ClubModuleCompleted}. See docs/club.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Members area")
package io.atrium.club;
