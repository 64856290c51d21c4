/**
 * Platform: what every page shares. The layout, the four languages and how one is chosen,
 * the home page and the error pages. Other modules plug into it through
 * {@link io.atrium.platform.LocalePreferences}, and count attempts (log-ins, forms that
 * send e-mail, page passwords) with {@link io.atrium.platform.AttemptLimits}, stored in
 * the database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package io.atrium.platform;
