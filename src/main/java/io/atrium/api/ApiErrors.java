package io.atrium.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one place where API error bodies are built. Atrium's own API ({@code /api/v1})
 * answers RFC 9457 problem details; the Hotmart-compatible paths answer the Hotmart error
 * body (hotmart-api.md §2.1). Both carry {@code error}, {@code error_description} and
 * {@code message}, so a client written against either reads every error the same way.
 * Exception handlers, security entry points, filters, the fallback controllers and the
 * error controller all build their answers here.
 */
public final class ApiErrors {

	/** The documentation link Hotmart sends in {@code error_uri}. */
	public static final String ERROR_URI = "https://developers.hotmart.com/docs/pt-BR/start/http-response-codes/";

	/** Atrium's own API prefix, answered with problem details. */
	public static final String OWN_API_PREFIX = "/api/v1";

	private ApiErrors() {
	}

	/**
	 * One invalid field of a request.
	 *
	 * @param field the field in the wire's snake_case
	 * @param message what is wrong with it
	 */
	public record FieldProblem(String field, String message) {

	}

	/**
	 * The Hotmart error body plus {@code message}, which some clients read instead of
	 * {@code error_description}.
	 *
	 * @param error the error type, for example {@code invalid_token}
	 * @param errorDescription human-readable text
	 * @param errorUri the documentation link Hotmart sends
	 * @param message the text for clients reading {@code message}
	 */
	public record CompatibleError(String error, @JsonProperty("error_description") String errorDescription,
			@JsonProperty("error_uri") String errorUri, String message) {

	}

	/**
	 * @param path the request path without the context path
	 * @return whether errors on this path are problem details (Atrium's own API)
	 */
	public static boolean isOwnApi(String path) {
		return path.equals(OWN_API_PREFIX) || path.startsWith(OWN_API_PREFIX + "/");
	}

	/**
	 * @param status the HTTP status
	 * @param error a machine-readable code, for example {@code invalid_parameter}
	 * @param detail the human-readable text
	 * @param instance the request path, may be null
	 * @param errors one entry per invalid field, may be null
	 * @return the problem detail of Atrium's own API
	 */
	public static ProblemDetail problem(HttpStatusCode status, String error, String detail, String instance,
			List<FieldProblem> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("about:blank"));
		HttpStatus known = HttpStatus.resolve(status.value());
		problem.setTitle((known != null) ? known.getReasonPhrase() : "Error");
		if (instance != null) {
			problem.setInstance(URI.create(safeUri(instance)));
		}
		problem.setProperty("error", error);
		problem.setProperty("error_description", detail);
		problem.setProperty("message", detail);
		if (errors != null && !errors.isEmpty()) {
			problem.setProperty("errors",
					errors.stream().map((e) -> Map.of("field", e.field(), "message", e.message())).toList());
		}
		return problem;
	}

	/**
	 * @param error the §2.1 error type
	 * @param description the {@code error_description}
	 * @param message the {@code message}
	 * @return the Hotmart-compatible error body
	 */
	public static CompatibleError compatible(String error, String description, String message) {
		return new CompatibleError(error, description, ERROR_URI, message);
	}

	/**
	 * @return a problem detail answer with {@code application/problem+json}
	 */
	public static ResponseEntity<Object> problemResponse(HttpStatusCode status, String error, String detail,
			String instance, List<FieldProblem> errors) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(status, error, detail, instance, errors));
	}

	/**
	 * @return a Hotmart-compatible error answer with {@code application/json}
	 */
	public static ResponseEntity<Object> compatibleResponse(HttpStatusCode status, String error, String description) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(compatible(error, description, description));
	}

	/**
	 * The answer for a request path: a problem detail on {@code /api/v1}, the Hotmart
	 * body elsewhere.
	 */
	public static ResponseEntity<Object> response(String path, HttpStatusCode status, String error, String detail) {
		return isOwnApi(path) ? problemResponse(status, error, detail, path, null)
				: compatibleResponse(status, error, detail);
	}

	/**
	 * @return the body of {@link #response} as a plain map, for writers that serialize
	 * without Spring's problem-detail mix-in (filters, the error controller)
	 */
	public static Map<String, Object> body(String path, HttpStatusCode status, String error, String detail) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (isOwnApi(path)) {
			ProblemDetail problem = problem(status, error, detail, path, null);
			body.put("type", problem.getType().toString());
			body.put("title", problem.getTitle());
			body.put("status", problem.getStatus());
			body.put("detail", problem.getDetail());
			body.put("instance", (problem.getInstance() != null) ? problem.getInstance().toString() : null);
			body.putAll(problem.getProperties());
		}
		else {
			CompatibleError compatible = compatible(error, detail, detail);
			body.put("error", compatible.error());
			body.put("error_description", compatible.errorDescription());
			body.put("error_uri", compatible.errorUri());
			body.put("message", compatible.message());
		}
		return body;
	}

	/**
	 * The Hotmart error type for a status, for errors raised outside a controller.
	 */
	public static String errorFor(int status) {
		return switch (status) {
			case 400, 411, 413, 414, 415, 422, 431 -> "invalid_parameter";
			case 401 -> "unauthorized";
			case 403 -> "unauthorized_client";
			case 404 -> "not_found";
			case 405 -> "method_not_allowed";
			case 406 -> "not_acceptable";
			case 409 -> "conflict";
			case 429 -> "too_many_requests";
			default -> (status >= 500) ? "internal_server_error" : "invalid_parameter";
		};
	}

	private static String safeUri(String path) {
		StringBuilder safe = new StringBuilder(path.length());
		for (char c : path.toCharArray()) {
			if (c > 0x20 && c < 0x7f && c != '"' && c != '<' && c != '>' && c != '\\' && c != '^' && c != '`'
					&& c != '{' && c != '|' && c != '}') {
				safe.append(c);
			}
			else {
				safe.append('%').append(String.format("%02X", (int) c & 0xff));
			}
		}
		return safe.toString();
	}

}
