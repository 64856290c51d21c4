package io.atrium.api.web;

import io.atrium.api.ApiException;
import io.atrium.api.AtriumApiController;
import io.atrium.api.CompatibleApiController;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Unknown paths under the API prefixes answer in the API's own error format (a problem
 * detail on {@code /api/v1}, the Hotmart body on compatible paths) instead of the HTML
 * error page. These patterns are the least specific, so every real endpoint wins.
 */
final class ApiFallbackControllers {

	private ApiFallbackControllers() {
	}

	@AtriumApiController
	@Hidden
	static class OwnApiFallback {

		@RequestMapping({ "/api/v1", "/api/v1/**" })
		void notFound(HttpServletRequest request) {
			throw ApiException.notFound("No endpoint " + request.getMethod() + " " + request.getRequestURI() + ".");
		}

	}

	@CompatibleApiController
	@Hidden
	static class CompatibleApiFallback {

		@RequestMapping({ "/payments/api/**", "/products/api/**", "/club/api/**", "/events/api/**" })
		void notFound(HttpServletRequest request) {
			throw ApiException.notFound("No endpoint " + request.getMethod() + " " + request.getRequestURI() + ".");
		}

	}

}
