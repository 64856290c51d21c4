package io.atrium.api.web;

import java.io.IOException;

import io.atrium.platform.ApiErrorBodies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;

/**
 * The platform's way to answer in the API's error format (for example the 503 of a
 * saturated instance), through the same {@link ApiErrorWriter} as every other API error.
 */
@Component
class PlatformApiErrorBodies implements ApiErrorBodies {

	private final ApiErrorWriter writer;

	PlatformApiErrorBodies(JsonMapper json) {
		this.writer = new ApiErrorWriter(json);
	}

	@Override
	public void write(HttpServletRequest request, HttpServletResponse response, int status, String error, String detail)
			throws IOException {
		this.writer.write(request, response, HttpStatusCode.valueOf(status), error, detail);
	}

}
