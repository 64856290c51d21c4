package io.atrium.api.web;

import java.util.List;

import io.atrium.api.ApiErrors;
import io.atrium.api.ApiException;
import io.atrium.api.AtriumApiController;
import io.atrium.platform.Saturation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
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
 * ({@code application/problem+json}) built by {@link ApiErrors}: {@code type}
 * (about:blank: the status says it), {@code title}, {@code status}, {@code detail},
 * {@code instance}, plus {@code error}, a machine-readable code,
 * {@code error_description} and {@code message}, and for validation failures
 * {@code errors}, one entry per invalid field.
 */
@RestControllerAdvice(annotations = AtriumApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AtriumApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(AtriumApiExceptionHandler.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Object> apiException(ApiException ex, HttpServletRequest request) {
		ResponseEntity<Object> problem = ApiErrors.problemResponse(ex.status(), ex.error(), ex.detail(),
				ApiErrorWriter.path(request), ex.errors());
		if (ex.retryAfterSeconds() == null) {
			return problem;
		}
		return ResponseEntity.status(problem.getStatusCode())
			.headers(problem.getHeaders())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.body(problem.getBody());
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, HttpServletRequest request) {
		return ApiErrors.problemResponse(HttpStatus.BAD_REQUEST, "invalid_parameter", "The request has invalid fields.",
				ApiErrorWriter.path(request),
				ex.getConstraintViolations()
					.stream()
					.map((v) -> new ApiErrors.FieldProblem(String.valueOf(v.getPropertyPath()), v.getMessage()))
					.toList());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
		if (Saturation.isSaturation(ex)) {
			return apiException(ApiException.saturated(), request);
		}
		log.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), ex);
		return ApiErrors.problemResponse(HttpStatus.INTERNAL_SERVER_ERROR, "internal_server_error",
				"Something went wrong on our side; nothing was changed. Try again later.", ApiErrorWriter.path(request),
				null);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<ApiErrors.FieldProblem> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((e) -> new ApiErrors.FieldProblem(e.getField(), String.valueOf(e.getDefaultMessage())))
			.toList();
		return ApiErrors.problemResponse(HttpStatus.BAD_REQUEST, "invalid_parameter", "The request has invalid fields.",
				path(request), errors);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		String detail = (body instanceof ProblemDetail problem && problem.getDetail() != null) ? problem.getDetail()
				: ex.getMessage();
		ResponseEntity<Object> answer = ApiErrors.problemResponse(statusCode, ApiErrors.errorFor(statusCode.value()),
				detail, path(request), null);
		return ResponseEntity.status(statusCode).headers(headers).headers(answer.getHeaders()).body(answer.getBody());
	}

	private static String path(WebRequest request) {
		return (request instanceof ServletWebRequest servlet) ? ApiErrorWriter.path(servlet.getRequest()) : null;
	}

}
