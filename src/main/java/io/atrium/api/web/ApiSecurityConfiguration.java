package io.atrium.api.web;

import io.atrium.api.internal.AccessTokens;
import io.atrium.api.internal.RateLimiter;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Security of every API path, ahead of the pages' chain: the token endpoint is open,
 * every other API path needs a bearer token issued by it. Stateless (no session, no CSRF:
 * no cookies are involved). The OpenAPI description ({@code /v3/api-docs}) and its page
 * ({@code /api-docs}, {@code /swagger-ui/**}) are not matched here; the pages' chain
 * leaves them open.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

	static final String[] API_PATHS = ApiPaths.PATTERNS;

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, AccessTokens tokens, RateLimiter limiter, JsonMapper json)
			throws Exception {
		ApiErrorWriter errors = new ApiErrorWriter(json);
		http.securityMatcher(API_PATHS)
			.authorizeHttpRequests((requests) -> requests.requestMatchers(TokenController.PATH)
				.permitAll()
				.anyRequest()
				.authenticated())
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint((request, response, ex) -> {
				response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"atrium\"");
				errors.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized",
						"Send Authorization: Bearer <access_token>; get a token from POST " + TokenController.PATH
								+ ".");
			})
				.accessDeniedHandler((request, response, ex) -> errors.write(request, response, HttpStatus.FORBIDDEN,
						"unauthorized_client", "This credential has no permission for this request.")))
			.addFilterBefore(new BearerTokenFilter(tokens, errors), AnonymousAuthenticationFilter.class)
			.addFilterAfter(new RateLimitFilter(limiter, errors), AuthorizationFilter.class);
		return http.build();
	}

}
