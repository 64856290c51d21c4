package io.atrium.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that drives headless Chromium through the running Atrium: put it next to
 * {@link AtriumIntegrationTest} on a class named {@code *BrowserTests} and take a
 * {@link Browser} as a test method parameter. One browser serves the whole class; every
 * test starts with no cookies, on a blank page, at desktop size. A failing test leaves a
 * screenshot and the page's HTML in {@code target/browser-failures/}. Without Chromium
 * and ChromeDriver the class is skipped, or fails when
 * {@code ATRIUM_REQUIRE_BROWSER=true}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("browser")
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {

}
