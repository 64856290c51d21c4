package io.atrium.api.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes API errors from filters, where no controller advice runs: RFC 9457 problem
 * details on {@code /api/v1/**}, the Hotmart error body (§2.1) everywhere else.
 */
class ApiErrorWriter {

	static final String OWN_API_PREFIX = "/api/v1/";

	private final JsonMapper json;

	ApiErrorWriter(JsonMapper json) {
		this.json = json;
	}

	static boolean isOwnApi(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith(OWN_API_PREFIX) || path.equals("/api/v1");
	}

	/**
	 * @param status the HTTP status
	 * @param error the §2.1 error type, also the problem's {@code error} member
	 * @param description the short text ({@code error_description}; the problem's
	 * {@code detail})
	 */
	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String error,
			String description) throws IOException {
		response.setStatus(status.value());
		response.setCharacterEncoding("UTF-8");
		if (isOwnApi(request)) {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			this.json.writeValue(response.getOutputStream(), problem(request, status, error, description));
		}
		else {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			this.json.writeValue(response.getOutputStream(), CompatibleError.of(error, description, description));
		}
	}

	static Map<String, Object> problem(HttpServletRequest request, HttpStatus status, String error, String detail) {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		problem.put("error", error);
		return problem;
	}

}
