package io.atrium.media.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Image variants and brand style sheets are public: a small stateless chain for
 * {@code /media/**}, ahead of the pages' chain, that leaves caching to the controllers.
 */
@Configuration(proxyBeanMethods = false)
class MediaSecurityConfiguration {

	@Bean
	@Order(51)
	SecurityFilterChain media(HttpSecurity http) throws Exception {
		http.securityMatcher("/media/**")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.headers((headers) -> headers.cacheControl((cache) -> cache.disable())
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'; sandbox")));
		return http.build();
	}

}
