package io.atrium.accounts.web;

import io.atrium.accounts.internal.AccountRecord;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Puts a changed account (new role, new name) into the current session, so the header and
 * the access rules see it at once; or signs an account in (after activation).
 */
final class SessionRefresher {

	private static final SecurityContextRepository REPOSITORY = new HttpSessionSecurityContextRepository();

	private SessionRefresher() {
	}

	/**
	 * Signs the account in on this request, as a log-in would: a new session id (the one
	 * from before, if any, is never reused: session fixation) holding the account's
	 * security context.
	 */
	static void signIn(AccountRecord account, HttpServletRequest request, HttpServletResponse response) {
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		refresh(account, request, response);
	}

	static void refresh(AccountRecord account, HttpServletRequest request, HttpServletResponse response) {
		var principal = account.principal();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		SecurityContextHolder.setContext(context);
		REPOSITORY.saveContext(context, request, response);
	}

}
