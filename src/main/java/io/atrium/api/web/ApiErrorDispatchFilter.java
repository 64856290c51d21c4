package io.atrium.api.web;

import java.io.IOException;

import io.atrium.api.ApiErrors;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartException;

/**
 * Answers the container's error dispatch for an API path (an error no controller advice
 * saw: a 405 or 415 found before any handler, malformed multipart, an exception in a
 * filter) with the API's JSON body from {@link ApiErrors} instead of Spring Boot's
 * default body or the HTML error page. Pages keep their error pages.
 */
class ApiErrorDispatchFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(ApiErrorDispatchFilter.class);

	private final ApiErrorWriter errors;

	ApiErrorDispatchFilter(ApiErrorWriter errors) {
		this.errors = errors;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getDispatcherType() != DispatcherType.ERROR || originalPath(request) == null
				|| !ApiPaths.isApi(originalPath(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (statusAttribute instanceof Integer code) ? code : 500;
		Throwable failure = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		// a malformed multipart body, or a malformed form body of a PUT, PATCH or DELETE
		// (Spring's FormContentFilter reads those before any controller)
		if (causedBy(failure, MultipartException.class) || causedBy(failure, HttpMessageNotReadableException.class)
				|| causedBy(failure, IllegalStateException.class)
						&& String.valueOf(failure.getMessage()).toLowerCase().contains("multipart")) {
			status = 400;
		}
		if (status >= 500 && failure != null) {
			log.error("API request {} failed", originalPath(request), failure);
		}
		HttpStatus resolved = HttpStatus.resolve(status);
		String description = (status >= 500) ? "Something went wrong on our side; nothing was changed. Try again later."
				: (status == 400 && failure != null) ? "The request could not be read: it is malformed."
						: (resolved != null) ? resolved.getReasonPhrase() + "." : "The request failed.";
		if (status == 404) {
			description = "No endpoint " + request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) + ".";
		}
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		this.errors.write(originalPath(request), response, HttpStatusCode.valueOf(status), ApiErrors.errorFor(status),
				description);
	}

	private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable t = failure; t != null; t = (t.getCause() == t) ? null : t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

	private static String originalPath(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri == null) {
			return null;
		}
		String path = uri.toString();
		String context = request.getContextPath();
		return (!context.isEmpty() && path.startsWith(context)) ? path.substring(context.length()) : path;
	}

}
