package io.atrium.api.web;

import io.atrium.api.ApiErrors;

/**
 * The paths the developer API serves: the token endpoint, Atrium's own {@code /api/v1}
 * and the Hotmart-compatible prefixes.
 */
final class ApiPaths {

	static final String[] PATTERNS = { TokenController.PATH, "/payments/api/**", "/products/api/**", "/club/api/**",
			"/events/api/**", "/api/v1", "/api/v1/**" };

	private static final String[] COMPATIBLE_PREFIXES = { "/payments/api/", "/products/api/", "/club/api/",
			"/events/api/" };

	private ApiPaths() {
	}

	/**
	 * @param path a request path without the context path
	 * @return whether the API answers it (errors in JSON)
	 */
	static boolean isApi(String path) {
		if (path.equals(TokenController.PATH) || ApiErrors.isOwnApi(path)) {
			return true;
		}
		for (String prefix : COMPATIBLE_PREFIXES) {
			if (path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1))) {
				return true;
			}
		}
		return false;
	}

}
