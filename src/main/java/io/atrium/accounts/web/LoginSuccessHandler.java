package io.atrium.accounts.web;

import java.io.IOException;

import io.atrium.accounts.Role;
import io.atrium.accounts.SignedInAccount;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * After log-in: back to the page that asked for it, otherwise to "Manage my business" for
 * producers, the administration for admins and "My purchases" for everyone else.
 */
class LoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	LoginSuccessHandler() {
		setRequestCache(new HttpSessionRequestCache());
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		String home = "/purchases";
		if (authentication.getPrincipal() instanceof SignedInAccount me) {
			if (me.has(Role.PRODUCER)) {
				home = "/business";
			}
			else if (me.has(Role.ADMIN)) {
				home = "/admin";
			}
		}
		setDefaultTargetUrl(home);
		super.onAuthenticationSuccess(request, response, authentication);
	}

}
