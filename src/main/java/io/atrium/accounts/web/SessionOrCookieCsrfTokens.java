package io.atrium.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.util.WebUtils;

/**
 * Where the pages' CSRF tokens are kept: in the session once the visitor has one (a
 * signed-in person always has), and before that in a cookie, so that a visitor who only
 * opens a form (log-in, sign-up, checkout) no longer gets a session in the database for
 * it.
 * <p>
 * Kept in the session alone, the token made every log-in start a session on the form
 * page, insert its token, load both on the post, then change the session's id, write the
 * security context in and take the token out: nine statements in four transactions per
 * log-in (docs/performance.md, W5). With the token in a cookie before the log-in, the
 * post inserts one session holding the security context.
 * <p>
 * A signed-in session keeps its token in the session, never in a cookie: a token only in
 * a cookie (a "double-submit" token) is as good as the cookie, and a neighbouring site
 * that can set cookies for this domain could plant one. Before any session there is
 * nothing of the visitor's to protect but the log-in itself, and a session's token would
 * be no safer there (the same neighbour could plant a session cookie). The cookie is
 * {@code HttpOnly} and {@code SameSite=Lax} like the session's, secure on HTTPS, and ends
 * with the browser; both kinds of token are sent as the {@code _csrf} field or the
 * {@code X-CSRF-TOKEN} header, and both are replaced at log-in and log-out.
 */
final class SessionOrCookieCsrfTokens implements CsrfTokenRepository {

	static final String COOKIE = "ATRIUM_CSRF";

	private static final String HEADER = "X-CSRF-TOKEN";

	private static final String PARAMETER = "_csrf";

	private final HttpSessionCsrfTokenRepository session = new HttpSessionCsrfTokenRepository();

	private final CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();

	SessionOrCookieCsrfTokens() {
		this.session.setHeaderName(HEADER);
		this.session.setParameterName(PARAMETER);
		this.cookie.setHeaderName(HEADER);
		this.cookie.setParameterName(PARAMETER);
		this.cookie.setCookieName(COOKIE);
		this.cookie.setCookiePath("/");
		this.cookie.setCookieCustomizer((builder) -> builder.httpOnly(true).sameSite("Lax"));
	}

	@Override
	public CsrfToken generateToken(HttpServletRequest request) {
		return this.session.generateToken(request);
	}

	@Override
	public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
		if (request.getSession(false) != null) {
			this.session.saveToken(token, request, response);
			if (WebUtils.getCookie(request, COOKIE) != null) {
				// the session's token takes over: the browser need not keep sending this
				// one
				this.cookie.saveToken(null, request, response);
			}
		}
		else {
			this.cookie.saveToken(token, request, response);
		}
	}

	@Override
	public CsrfToken loadToken(HttpServletRequest request) {
		return (request.getSession(false) != null) ? this.session.loadToken(request) : this.cookie.loadToken(request);
	}

}
