package io.atrium.api.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.atrium.api.ApiException;
import io.atrium.api.AtriumApiController;
import io.atrium.platform.Saturation;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of an {@link AtriumApiController} as an RFC 9457 problem detail
 * ({@code application/problem+json}): {@code type} (about:blank: the status says it),
 * {@code title}, {@code status}, {@code detail}, {@code instance}, plus {@code error}, a
 * machine-readable code, and for validation failures {@code errors}, one entry per
 * invalid field.
 */
@RestControllerAdvice(annotations = AtriumApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AtriumApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(AtriumApiExceptionHandler.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Object> apiException(ApiException ex, HttpServletRequest request) {
		ResponseEntity<Object> problem = problem(ex.status(), ex.error(), ex.detail(), request.getRequestURI(), null);
		if (ex.retryAfterSeconds() == null) {
			return problem;
		}
		return ResponseEntity.status(problem.getStatusCode())
			.headers(problem.getHeaders())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.body(problem.getBody());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
		if (Saturation.isSaturation(ex)) {
			return apiException(ApiException.saturated(), request);
		}
		log.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal_server_error",
				"Something went wrong on our side; nothing was changed. Try again later.", request.getRequestURI(),
				null);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((e) -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
			.toList();
		return problem(HttpStatus.BAD_REQUEST, "invalid_parameter", "The request has invalid fields.", path(request),
				errors);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		HttpStatus status = HttpStatus.resolve(statusCode.value());
		String detail = (body instanceof ProblemDetail problem && problem.getDetail() != null) ? problem.getDetail()
				: ex.getMessage();
		ResponseEntity<Object> answer = problem((status != null) ? status : HttpStatus.BAD_REQUEST,
				(statusCode.value() == 405) ? "method_not_allowed" : "invalid_parameter", detail, path(request), null);
		return ResponseEntity.status(answer.getStatusCode())
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(answer.getBody());
	}

	private static String path(WebRequest request) {
		return (request instanceof ServletWebRequest servlet) ? servlet.getRequest().getRequestURI() : null;
	}

	static ResponseEntity<Object> problem(HttpStatus status, String error, String detail, String instance,
			List<Map<String, String>> errors) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("about:blank"));
		problem.setTitle(status.getReasonPhrase());
		if (instance != null) {
			problem.setInstance(URI.create(instance));
		}
		problem.setProperty("error", error);
		if (errors != null) {
			problem.setProperty("errors", errors);
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}
