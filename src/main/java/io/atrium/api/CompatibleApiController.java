package io.atrium.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.web.bind.annotation.RestController;

/**
 * Marks a controller of the Hotmart-compatible API ({@code /payments/api/**},
 * {@code /products/api/**}, {@code /club/api/**}, {@code /events/api/**}): a
 * {@link RestController} whose errors are answered with the Hotmart error body
 * {@code {"error","error_description","error_uri","message"}} (hotmart-api.md §2.1).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RestController
public @interface CompatibleApiController {

}
