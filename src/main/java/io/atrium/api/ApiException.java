package io.atrium.api;

import java.util.List;

import io.atrium.platform.Saturation;

import org.springframework.http.HttpStatus;

/**
 * An API request that cannot be served, with what to tell the client. Thrown from any
 * {@link AtriumApiController} or {@link CompatibleApiController}; answered as a problem
 * detail on {@code /api/v1} and as the Hotmart error body on compatible paths. Nothing
 * the request started is committed: throw it before writing, or from inside the
 * transaction.
 */
public class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String error;

	private final List<ApiErrors.FieldProblem> errors;

	private final Long retryAfterSeconds;

	/**
	 * @param status the HTTP status to answer
	 * @param error a machine-readable code from the Hotmart vocabulary where one fits
	 * ({@code invalid_parameter}, {@code not_found}, ...) or a specific snake_case code
	 * @param detail a human-readable explanation for this occurrence, in English
	 */
	public ApiException(HttpStatus status, String error, String detail) {
		this(status, error, detail, List.of());
	}

	/**
	 * @param status the HTTP status to answer
	 * @param error a machine-readable code
	 * @param detail a human-readable explanation for this occurrence, in English
	 * @param errors one entry per invalid field (problem details list them as
	 * {@code errors})
	 */
	public ApiException(HttpStatus status, String error, String detail, List<ApiErrors.FieldProblem> errors) {
		this(status, error, detail, errors, null);
	}

	private ApiException(HttpStatus status, String error, String detail, List<ApiErrors.FieldProblem> errors,
			Long retryAfterSeconds) {
		super(detail);
		this.status = status;
		this.error = error;
		this.errors = List.copyOf(errors);
		this.retryAfterSeconds = retryAfterSeconds;
	}

	/**
	 * @param status the HTTP status to answer
	 * @param error a machine-readable code
	 * @param detail a human-readable explanation for this occurrence, in English
	 * @param retryAfterSeconds when to retry, sent as {@code Retry-After} (whole seconds)
	 * @return the exception
	 */
	public static ApiException retryAfter(HttpStatus status, String error, String detail, long retryAfterSeconds) {
		return new ApiException(status, error, detail, List.of(), retryAfterSeconds);
	}

	/**
	 * @return a 503 {@code service_unavailable} with {@code Retry-After}: Atrium is
	 * saturated (no database connection came free in time); nothing was changed
	 */
	public static ApiException saturated() {
		return retryAfter(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
				"Atrium is busy right now; nothing was changed. Retry in " + Saturation.RETRY_AFTER_SECONDS + " s.",
				Saturation.RETRY_AFTER_SECONDS);
	}

	/**
	 * @param detail what was not found, for example "No credential 12"
	 * @return a 404 {@code not_found}
	 */
	public static ApiException notFound(String detail) {
		return new ApiException(HttpStatus.NOT_FOUND, "not_found", detail);
	}

	/**
	 * @param detail what is wrong with the request
	 * @return a 400 {@code invalid_parameter}
	 */
	public static ApiException invalidParameter(String detail) {
		return new ApiException(HttpStatus.BAD_REQUEST, "invalid_parameter", detail);
	}

	/**
	 * @return the HTTP status
	 */
	public HttpStatus status() {
		return this.status;
	}

	/**
	 * @return the machine-readable error code
	 */
	public String error() {
		return this.error;
	}

	/**
	 * @return the invalid fields, empty when the error is not about fields
	 */
	public List<ApiErrors.FieldProblem> errors() {
		return this.errors;
	}

	/**
	 * @return the human-readable explanation
	 */
	public String detail() {
		return getMessage();
	}

	/**
	 * @return seconds to wait before retrying ({@code Retry-After}), or null
	 */
	public Long retryAfterSeconds() {
		return this.retryAfterSeconds;
	}

}
