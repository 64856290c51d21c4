package io.atrium.accounts.web;

import java.io.IOException;

import io.atrium.accounts.internal.LoginThrottledException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sends a failed log-in back to the log-in page with the reason the page explains: wrong
 * credentials, or how long the account or the address must wait.
 */
class LoginFailureHandler implements AuthenticationFailureHandler {

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String target;
		if (exception instanceof LoginThrottledException throttled) {
			long seconds = Math.max(1, (throttled.waitTime().toMillis() + 999) / 1000);
			target = "/login?error=" + (throttled.byAddress() ? "address" : "locked") + "&wait=" + seconds;
		}
		else {
			target = "/login?error=credentials";
		}
		response.sendRedirect(request.getContextPath() + target);
	}

}
