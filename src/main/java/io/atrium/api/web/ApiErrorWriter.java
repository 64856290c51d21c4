package io.atrium.api.web;

import java.io.IOException;

import io.atrium.api.ApiErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Writes API errors where no controller advice runs (security entry points, filters, the
 * error controller), with the bodies {@link ApiErrors} builds.
 */
class ApiErrorWriter {

	private final JsonMapper json;

	ApiErrorWriter(JsonMapper json) {
		this.json = json;
	}

	static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/**
	 * @param status the HTTP status
	 * @param error the §2.1 error type, also the problem's {@code error} member
	 * @param description the short text ({@code error_description}; the problem's
	 * {@code detail})
	 */
	void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status, String error,
			String description) throws IOException {
		write(path(request), response, status, error, description);
	}

	void write(String path, HttpServletResponse response, HttpStatusCode status, String error, String description)
			throws IOException {
		response.setStatus(status.value());
		response.setCharacterEncoding("UTF-8");
		response.setContentType(
				ApiErrors.isOwnApi(path) ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : MediaType.APPLICATION_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), ApiErrors.body(path, status, error, description));
	}

}
