/**
 * The members area ("club"): each producer's area with its own subdomain, the modules and
 * pages of each product, groups with per-group visibility, drip and expiration,
 * enrolments (a student in exactly one group of a product), progress and comments.
 * <p>
 * One function, {@link io.atrium.club.access.AccessPolicy#decide}, answers whether a
 * student may open a page and why not; the student's pages, the producer's "why" page and
 * both APIs use it through {@link io.atrium.club.access.ClubAccess}. The module reacts to
 * {@code PurchaseApproved} (enrolment, first purchases only), {@code PurchaseRefunded}
 * and {@code PurchaseChargedBack} (access ends) and {@code SubscriptionAccessChanged}
 * (one access right per subscription) with {@code @ApplicationModuleListener}s that run
 * after the purchase committed and are retried until they succeed, so a failure here
 * never rolls back a charged purchase. A new members-area product gets its default group
 * through {@link io.atrium.catalog.ClubGroupDirectory}, in the catalog's transaction. It
 * publishes {@link io.atrium.club.ClubFirstAccess} and
 * {@link io.atrium.club.ClubModuleCompleted} from real student activity (the webhooks
 * listen). See docs/club.md.
 * <p>
 * Layout: this package holds what other modules may use (the two failures, the two
 * events); {@code content} (area, modules, pages), {@code groups} (groups, enrolments,
 * the purchase listeners), {@code access} (rules, the access policy, progress),
 * {@code comments}, {@code imports} (CSV student import), {@code internal} (rows and
 * SQL), and {@code web.producer}, {@code web.student}, {@code web.api} (pages and APIs).
 * Types that other modules call are exposed through named interfaces
 * ({@code club::content}, {@code club::groups}, {@code club::access}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Members area")
package io.atrium.club;
