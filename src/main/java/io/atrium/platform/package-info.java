/**
 * Platform: what every page shares. The layout, the four languages and how one is chosen,
 * the home page and the error pages. Other modules plug into it through
 * {@link io.atrium.platform.LocalePreferences}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package io.atrium.platform;
