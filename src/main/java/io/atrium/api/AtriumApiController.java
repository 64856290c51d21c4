package io.atrium.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.web.bind.annotation.RestController;

/**
 * Marks a controller of Atrium's own API under {@code /api/v1}: a {@link RestController}
 * whose errors (including {@link ApiException}, validation failures and unexpected
 * exceptions) are answered as RFC 9457 problem details
 * ({@code application/problem+json}). Map the full path ({@code /api/v1/...}) on each
 * method or on a class-level {@code @RequestMapping}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RestController
public @interface AtriumApiController {

}
