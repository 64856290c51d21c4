package io.atrium.api.web;

import java.io.IOException;

import io.atrium.api.ApiClient;
import io.atrium.api.internal.RateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts every authenticated API call against its credential's bucket, adds the
 * rate-limit headers of hotmart-api.md §2.2 to the response, and answers 429
 * {@code too_many_requests} with {@code Retry-After} over the limit.
 */
class RateLimitFilter extends OncePerRequestFilter {

	private final RateLimiter limiter;

	private final ApiErrorWriter errors;

	RateLimitFilter(RateLimiter limiter, ApiErrorWriter errors) {
		this.limiter = limiter;
		this.errors = errors;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof ApiClient client)) {
			chain.doFilter(request, response);
			return;
		}
		RateLimiter.Decision decision = this.limiter.apiCall(client.credentialId());
		writeHeaders(response, decision);
		if (!decision.allowed()) {
			this.errors.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "too_many_requests",
					"Rate limit of " + decision.limit() + " calls per minute exceeded; retry in "
							+ decision.retryAfterSeconds() + " s.");
			return;
		}
		chain.doFilter(request, response);
	}

	static void writeHeaders(HttpServletResponse response, RateLimiter.Decision decision) {
		response.setHeader("RateLimit-Limit", Long.toString(decision.limit()));
		response.setHeader("RateLimit-Remaining", Long.toString(decision.remaining()));
		response.setHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
		response.setHeader("X-RateLimit-Limit-Minute", Long.toString(decision.limit()));
		response.setHeader("X-RateLimit-Remaining-Minute", Long.toString(decision.remaining()));
		if (!decision.allowed()) {
			response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
		}
	}

}
