package io.atrium.api.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import io.atrium.api.ApiClient;
import io.atrium.api.internal.AccessTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <token>} against the stored token hashes on
 * every call (no cache, so revocation takes effect on the very next call). A request
 * without a bearer token passes on unauthenticated and is refused by the authorization
 * rules (401 {@code unauthorized}); an unknown or revoked token is answered 401
 * {@code invalid_token}, an expired one 401 {@code token_expired}.
 * <p>
 * A small filter rather than Spring Security's opaque-token resource server: the lookup
 * is one indexed query, the principal is our own {@link ApiClient}, and telling expired
 * from invalid tokens needs no exception unwrapping.
 */
class BearerTokenFilter extends OncePerRequestFilter {

	private static final String PREFIX = "bearer ";

	private final AccessTokens tokens;

	private final ApiErrorWriter errors;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	BearerTokenFilter(AccessTokens tokens, ApiErrorWriter errors) {
		this.tokens = tokens;
		this.errors = errors;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return TokenController.PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || header.length() < PREFIX.length()
				|| !header.substring(0, PREFIX.length()).toLowerCase(Locale.ROOT).equals(PREFIX)) {
			chain.doFilter(request, response);
			return;
		}
		AccessTokens.Verdict verdict = this.tokens.authenticate(header.substring(PREFIX.length()).strip());
		switch (verdict.status()) {
			case VALID -> {
				SecurityContext context = this.contexts.createEmptyContext();
				context.setAuthentication(new ApiClientAuthentication(verdict.client()));
				this.contexts.setContext(context);
				chain.doFilter(request, response);
			}
			case EXPIRED -> refuse(request, response, "token_expired", "The access token expired; request a new one.");
			default -> refuse(request, response, "invalid_token", "The access token is invalid or was revoked.");
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, String error, String description)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
				"Bearer realm=\"atrium\", error=\"invalid_token\", error_description=\"" + description + "\"");
		this.errors.write(request, response, HttpStatus.UNAUTHORIZED, error, description);
	}

	/** An authenticated API caller. */
	static final class ApiClientAuthentication extends AbstractAuthenticationToken {

		private final ApiClient client;

		ApiClientAuthentication(ApiClient client) {
			super(List.of(new SimpleGrantedAuthority("SCOPE_read"), new SimpleGrantedAuthority("SCOPE_write")));
			this.client = client;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return "";
		}

		@Override
		public Object getPrincipal() {
			return this.client;
		}

		@Override
		public String getName() {
			return "api-credential-" + this.client.credentialId();
		}

	}

}
