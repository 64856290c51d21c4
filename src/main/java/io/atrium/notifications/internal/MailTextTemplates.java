package io.atrium.notifications.internal;

import java.util.Set;

import org.thymeleaf.spring6.templateresolver.SpringResourceTemplateResolver;
import org.thymeleaf.templatemode.TemplateMode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Plain text mail templates: a second Thymeleaf resolver, in TEXT mode, that serves only
 * {@code templates/<module>/mail/<name>.txt}. Pages keep Spring Boot's default HTML
 * resolver ({@code templates/*.html}); Boot adds every resolver bean to its template
 * engine.
 */
@Configuration(proxyBeanMethods = false)
class MailTextTemplates {

	static final String PREFIX = "classpath:/templates/";

	static final String SUFFIX = ".txt";

	@Bean
	SpringResourceTemplateResolver mailTextTemplateResolver(@Value("${spring.thymeleaf.cache:true}") boolean cache) {
		SpringResourceTemplateResolver resolver = new SpringResourceTemplateResolver();
		resolver.setPrefix(PREFIX);
		resolver.setSuffix("");
		resolver.setTemplateMode(TemplateMode.TEXT);
		resolver.setResolvablePatterns(Set.of("*/mail/*" + SUFFIX));
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCheckExistence(true);
		resolver.setCacheable(cache);
		resolver.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return resolver;
	}

}
