package io.atrium.catalog.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Product images are public: a small stateless chain for their path only, ahead of the
 * pages' chain (which requires a log-in for everything it does not list).
 */
@Configuration(proxyBeanMethods = false)
class CatalogSecurityConfiguration {

	@Bean
	@Order(50)
	SecurityFilterChain productImages(HttpSecurity http) throws Exception {
		http.securityMatcher("/catalog/products/*/image")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(AbstractHttpConfigurer::disable)
			.headers((headers) -> headers.cacheControl((cache) -> cache.disable())
				.contentSecurityPolicy((csp) -> csp.policyDirectives("default-src 'none'; sandbox")));
		return http.build();
	}

}
