package io.atrium.platform.web;

import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * What every request pays before it reaches its controller, kept small (measured with JFR
 * under {@code bench/run.sh}, docs/performance.md):
 * <ul>
 * <li>Spring Security's per-filter observations are off: each filter of each request
 * opened and closed a Micrometer observation (about an eighth of an API call's CPU). The
 * HTTP server observation ({@code http.server.requests}) stays.</li>
 * <li>The firewall checks header and parameter names and values with the same rules as
 * Spring Security's default (assigned characters, no ISO control characters, a tab
 * allowed in header values), written as a loop over the characters instead of a Unicode
 * regular expression per header read (another eighth).</li>
 * <li>Requests for static files and health checks never look for flash attributes: the
 * lookup reads the session from the database (and then writes its last-access time) for
 * any request that carries a session cookie, a style sheet included.</li>
 * <li>A page is rendered whole into memory, then written at once
 * ({@code spring.thymeleaf.servlet.produce-partial-output-while-processing: false} in
 * {@code application.yml}). Written as Thymeleaf produced it, each of a page's thousands
 * of small pieces went through the response wrappers of Spring Session and Spring
 * Security, which count every write to know when the response commits: the lesson page
 * took about a third less CPU once written at once.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class RequestCosts {

	/** Paths that never show a page, so never a flash message. */
	private static final List<String> NO_FLASH = Stream
		.concat(StaticResources.PREFIXES.stream(), Stream.of("/media/", "/actuator/", "/favicon.ico"))
		.toList();

	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	StrictHttpFirewall httpFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		Predicate<String> assignedNotControl = (s) -> every(s, RequestCosts::assignedNotControl);
		firewall.setAllowedHeaderNames(assignedNotControl);
		firewall.setAllowedHeaderValues((s) -> every(s, (c) -> c == '\t' || assignedNotControl(c)));
		firewall.setAllowedParameterNames(assignedNotControl);
		return firewall;
	}

	/**
	 * {@code [\p{IsAssigned}&&[^\p{IsControl}]]} of {@link StrictHttpFirewall}: a defined
	 * code point that is not an ISO control character (U+0000–U+001F, U+007F–U+009F).
	 */
	static boolean assignedNotControl(int codePoint) {
		return !Character.isISOControl(codePoint) && Character.isDefined(codePoint);
	}

	static boolean every(String s, IntPredicate allowed) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c >= 0x20 && c < 0x7f) {
				continue; // printable ASCII: the common case, allowed by both rules
			}
			int codePoint = s.codePointAt(i);
			if (!allowed.test(codePoint)) {
				return false;
			}
			i += Character.charCount(codePoint) - 1;
		}
		return true;
	}

	@Bean(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
	FlashMapManager flashMapManager() {
		return new SessionFlashMapManager() {

			@Override
			protected List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
				String path = request.getRequestURI().substring(request.getContextPath().length());
				for (String prefix : NO_FLASH) {
					if (path.startsWith(prefix)) {
						return null;
					}
				}
				return super.retrieveFlashMaps(request);
			}

		};
	}

}
