package io.atrium.api.web;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.atrium.api.IdempotentRequests;
import io.atrium.platform.InputLimits;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before any controller or database sees it, input no endpoint can use: a
 * control character (other than tab, CR and LF) in the path, a query or form parameter
 * name or value (PostgreSQL cannot even store a NUL), a body the container cannot parse
 * into parameters (malformed multipart or form data), and an {@code Idempotency-Key} that
 * is not visible ASCII. API paths answer 400 with their JSON error body; pages answer the
 * 400 error page. JSON bodies are checked while they are read (see
 * {@code ControlCharactersJacksonModule}).
 */
class HostileInputFilter extends OncePerRequestFilter {

	private final ApiErrorWriter errors;

	HostileInputFilter(ApiErrorWriter errors) {
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String refusal = refusal(request);
		if (refusal == null) {
			chain.doFilter(request, response);
			return;
		}
		String path = ApiErrorWriter.path(request);
		if (ApiPaths.isApi(path)) {
			String error = refusal.startsWith("The Idempotency-Key") ? "invalid_value_headers" : "invalid_parameter";
			this.errors.write(request, response, HttpStatus.BAD_REQUEST, error, refusal);
		}
		else {
			response.sendError(HttpStatus.BAD_REQUEST.value(), refusal);
		}
	}

	private static String refusal(HttpServletRequest request) {
		String path = request.getRequestURI();
		if (InputLimits.hasControlCharacters(decode(path))) {
			return "The path contains a control character.";
		}
		String key = request.getHeader(IdempotentRequests.HEADER);
		if (key != null && (key.length() > 255 || !key.chars().allMatch((c) -> c >= 0x21 && c <= 0x7e))) {
			return "The Idempotency-Key header must be 1 to 255 visible ASCII characters.";
		}
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (RuntimeException ex) {
			return "The request body could not be read: it is malformed.";
		}
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			if (InputLimits.hasControlCharacters(parameter.getKey())) {
				return "A parameter name contains a control character.";
			}
			for (String value : parameter.getValue()) {
				if (InputLimits.hasControlCharacters(value)) {
					return "The parameter " + InputLimits.printable(parameter.getKey())
							+ " contains a control character; only tab, CR and LF are allowed in text.";
				}
			}
		}
		return null;
	}

	private static String decode(String path) {
		try {
			return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return path;
		}
	}

}
