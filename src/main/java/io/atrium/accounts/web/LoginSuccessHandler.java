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
 * producers and "My purchases" for everyone else.
 */
class LoginSuccessHandler extends SavedRequestAwareAuthenticationSuccessHandler {

	LoginSuccessHandler() {
		setRequestCache(new HttpSessionRequestCache());
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		boolean producer = authentication.getPrincipal() instanceof SignedInAccount me && me.has(Role.PRODUCER);
		setDefaultTargetUrl(producer ? "/business" : "/purchases");
		super.onAuthenticationSuccess(request, response, authentication);
	}

}
