package io.atrium.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The answer when Atrium is saturated: 503 with {@code Retry-After} (whole seconds) and a
 * body that needs no database: the API's error body on API calls (written by
 * {@link ApiErrorBodies}, the api module's one place for them), a short localized page
 * for browsers. Written from filters, before or around everything that could take a
 * connection.
 */
@Component
public class BusyAnswers {

	private final MessageSource messages;

	private final ObjectProvider<ApiErrorBodies> apiErrors;

	BusyAnswers(MessageSource messages, ObjectProvider<ApiErrorBodies> apiErrors) {
		this.messages = messages;
		this.apiErrors = apiErrors;
	}

	/**
	 * Writes the 503, unless the response is already committed.
	 * @param request the request
	 * @param response its response
	 * @param retryAfterSeconds when to retry
	 * @throws IOException when the client went away
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
			throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
		response.setCharacterEncoding("UTF-8");
		String path = request.getRequestURI().substring(request.getContextPath().length());
		String detail = "Atrium is busy right now; nothing was changed. Retry in " + retryAfterSeconds + " s.";
		String accept = String.valueOf(request.getHeader(HttpHeaders.ACCEPT));
		if (path.contains("/api/") || !accept.contains("text/html")) {
			this.apiErrors.getObject()
				.write(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "service_unavailable", detail);
			response.flushBuffer();
		}
		else {
			Locale locale = request.getLocale();
			String title = HtmlUtils.htmlEscape(this.messages.getMessage("error.busy.title", null, locale));
			String text = HtmlUtils.htmlEscape(this.messages.getMessage("error.busy.text", null, locale));
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			write(response, "<!DOCTYPE html><html lang=\"" + HtmlUtils.htmlEscape(locale.toLanguageTag())
					+ "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
					+ "content=\"width=device-width, initial-scale=1\"><title>" + title
					+ "</title></head><body><main><h1>" + title + "</h1><p>" + text + "</p></main></body></html>");
		}
	}

	private static void write(HttpServletResponse response, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
		response.flushBuffer();
	}

}
