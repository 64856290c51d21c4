package io.atrium.platform;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes an error in the developer API's own format (a problem detail on {@code /api/v1},
 * the Hotmart-compatible body elsewhere) from code that runs before any controller, such
 * as the platform's filters. Implemented by the api module, which builds every API error
 * body in one place.
 */
public interface ApiErrorBodies {

	/**
	 * Writes the status and the body; headers already set on the response are kept.
	 * @param request the request, whose path chooses the format
	 * @param response its response, not yet committed
	 * @param status the HTTP status
	 * @param error the machine-readable error code
	 * @param detail the human-readable explanation, in English
	 * @throws IOException when the client went away
	 */
	void write(HttpServletRequest request, HttpServletResponse response, int status, String error, String detail)
			throws IOException;

}
