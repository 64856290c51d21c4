package io.atrium.accounts.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Security of the pages: form login, CSRF (the token in the session, or in a cookie
 * before there is one: {@link SessionOrCookieCsrfTokens}), secure session cookies (shared
 * by every instance through Spring Session JDBC), security headers. The developer API has
 * its own chain in the api module.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

	/**
	 * Scripts and styles from Atrium only; frames only from the video players a lesson
	 * may embed (club's {@code VideoEmbed.FRAME_HOSTS}, kept equal by its test).
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data: https:; "
			+ "style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
			+ "frame-ancestors 'none'; frame-src https://www.youtube-nocookie.com https://player.vimeo.com "
			+ "https://fast.wistia.net https://www.loom.com https://iframe.mediadelivery.net "
			+ "https://player.mediadelivery.net https://*.tv.pandavideo.com.br";

	@Bean
	@Order(100)
	SecurityFilterChain pages(HttpSecurity http, AuthenticationProvider accountAuthenticationProvider)
			throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/", "/error", "/signup", "/login", "/forgot-password", "/reset-password/**",
					"/activate/**", "/activation/resend", "/checkout/**", "/sandbox/**", "/webjars/**", "/css/**",
					"/js/**", "/favicon.ico", "/actuator/health/**", "/actuator/prometheus", "/v3/api-docs/**",
					"/api-docs/**", "/swagger-ui/**")
			.permitAll()
			// the design system's live components page and Atrium's own images
			.requestMatchers("/design-system", "/img/**")
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			// comment helpers need not be producers: these controllers check who is
			// asking
			.requestMatchers("/business/club/questions/**", "/business/products/*/club/pages/*/comments/**")
			.authenticated()
			.requestMatchers("/business/**")
			.hasRole("PRODUCER")
			.anyRequest()
			.authenticated())
			// its own manager without a parent: with the global one as parent, a failure
			// was
			// retried there by the same provider (two password hashes, two counted
			// failures)
			.authenticationManager(new ProviderManager(accountAuthenticationProvider))
			.formLogin((form) -> form.loginPage("/login")
				.usernameParameter("email")
				.failureHandler(new LoginFailureHandler())
				.successHandler(new LoginSuccessHandler())
				.permitAll())
			.csrf((csrf) -> csrf.csrfTokenRepository(new SessionOrCookieCsrfTokens()))
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer
					.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions((frame) -> frame.deny()));
		return http.build();
	}

}
