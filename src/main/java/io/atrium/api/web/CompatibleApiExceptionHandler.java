package io.atrium.api.web;

import io.atrium.api.ApiErrors;
import io.atrium.api.ApiException;
import io.atrium.platform.Saturation;
import io.atrium.api.CompatibleApiController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of a {@link CompatibleApiController} in the Hotmart error body
 * (hotmart-api.md §2.1, built by {@link ApiErrors}) with the same HTTP statuses Hotmart
 * uses; Spring MVC's own exceptions (405, 415, 406, bad parameters) keep their status.
 */
@RestControllerAdvice(annotations = CompatibleApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CompatibleApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(CompatibleApiExceptionHandler.class);

	private static final String UNACCEPTABLE = "The request was unacceptable, often due to an invalid or missing parameter";

	@ExceptionHandler(ApiException.class)
	ResponseEntity<Object> apiException(ApiException ex) {
		ResponseEntity<Object> error = ApiErrors.compatibleResponse(ex.status(), ex.error(), ex.detail());
		if (ex.retryAfterSeconds() == null) {
			return error;
		}
		return ResponseEntity.status(error.getStatusCode())
			.headers(error.getHeaders())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.body(error.getBody());
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<Object> constraintViolation(ConstraintViolationException ex) {
		return ApiErrors.compatibleResponse(HttpStatus.BAD_REQUEST, "invalid_parameter", UNACCEPTABLE + ".");
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
		if (Saturation.isSaturation(ex)) {
			return apiException(ApiException.saturated());
		}
		log.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), ex);
		return ApiErrors.compatibleResponse(HttpStatus.INTERNAL_SERVER_ERROR, "internal_server_error",
				"Something went wrong on our side; nothing was changed. Try again later.");
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> answer;
		if (ex instanceof TypeMismatchException || ex instanceof MissingServletRequestParameterException) {
			answer = ApiErrors.compatibleResponse(HttpStatus.BAD_REQUEST, "invalid_value_parameter",
					UNACCEPTABLE + ": " + ex.getMessage());
		}
		else if (ex instanceof MissingRequestHeaderException) {
			answer = ApiErrors.compatibleResponse(HttpStatus.BAD_REQUEST, "invalid_value_headers", ex.getMessage());
		}
		else if (ex instanceof MethodArgumentNotValidException || ex instanceof HttpMessageNotReadableException) {
			answer = ApiErrors.compatibleResponse(HttpStatus.BAD_REQUEST, "invalid_parameter", UNACCEPTABLE + ".");
		}
		else {
			answer = ApiErrors.compatibleResponse(statusCode, ApiErrors.errorFor(statusCode.value()), ex.getMessage());
		}
		return ResponseEntity.status(answer.getStatusCode())
			.headers(headers)
			.headers(answer.getHeaders())
			.body(answer.getBody());
	}

}
