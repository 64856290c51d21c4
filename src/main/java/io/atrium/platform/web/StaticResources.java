package io.atrium.platform.web;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * Atrium's own style sheets, scripts and images, and the WebJars, each under its own
 * path. Spring Boot's default maps every path ({@code /**}) to the static folders, and
 * then every link a page writes ({@code @{/business/...}}) is looked up on the class path
 * to see whether it names a file: on a list of 50 students that lookup took most of the
 * page's time. With these four patterns only links to static files are looked at
 * ({@code spring.web.resources.add-mappings: false} turns the default off).
 * <p>
 * Atrium's files are served under a content hash ({@code /css/atrium-<md5>.css}, written
 * into the pages by the resource URL filter), so a browser never keeps an old style sheet
 * after an upgrade; WebJars links gain the jar's version in the same way.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofDays(7)).cachePublic();

	private static final List<String> FOLDERS = List.of("css", "js", "img");

	/** The path prefixes static files are served under. */
	static final List<String> PREFIXES = List.of("/css/", "/js/", "/img/", "/webjars/");

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : FOLDERS) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(CACHE)
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
		// the WebJars resolver (webjars-locator-lite) is added to the chain by Spring
		// itself: /webjars/bootstrap/dist/... finds the jar's version
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(CACHE)
			.resourceChain(true);
	}

}
