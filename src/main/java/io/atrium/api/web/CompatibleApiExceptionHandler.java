package io.atrium.api.web;

import io.atrium.api.ApiException;
import io.atrium.platform.Saturation;
import io.atrium.api.CompatibleApiController;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Every error of a {@link CompatibleApiController} in the Hotmart error body
 * (hotmart-api.md §2.1) with the same HTTP statuses Hotmart uses.
 */
@RestControllerAdvice(annotations = CompatibleApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CompatibleApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(CompatibleApiExceptionHandler.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<CompatibleError> apiException(ApiException ex) {
		ResponseEntity<CompatibleError> error = error(ex.status(), ex.error(), ex.detail());
		if (ex.retryAfterSeconds() == null) {
			return error;
		}
		return ResponseEntity.status(error.getStatusCode())
			.headers(error.getHeaders())
			.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfterSeconds()))
			.body(error.getBody());
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ResponseEntity<CompatibleError> badQueryValue(Exception ex) {
		return error(HttpStatus.BAD_REQUEST, "invalid_value_parameter",
				"The request was unacceptable, often due to an invalid or missing parameter: " + ex.getMessage());
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<CompatibleError> badHeader(MissingRequestHeaderException ex) {
		return error(HttpStatus.BAD_REQUEST, "invalid_value_headers", ex.getMessage());
	}

	@ExceptionHandler({ MethodArgumentNotValidException.class, HttpMessageNotReadableException.class })
	ResponseEntity<CompatibleError> badBody(Exception ex) {
		return error(HttpStatus.BAD_REQUEST, "invalid_parameter",
				"The request was unacceptable, often due to an invalid or missing parameter.");
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<CompatibleError> method(HttpRequestMethodNotSupportedException ex) {
		return error(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", ex.getMessage());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<CompatibleError> unexpected(Exception ex, HttpServletRequest request) {
		if (Saturation.isSaturation(ex)) {
			return apiException(ApiException.saturated());
		}
		log.error("API request {} {} failed", request.getMethod(), request.getRequestURI(), ex);
		return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal_server_error",
				"Something went wrong on our side; nothing was changed. Try again later.");
	}

	private static ResponseEntity<CompatibleError> error(HttpStatus status, String error, String description) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(CompatibleError.of(error, description, description));
	}

}
