package io.atrium.platform;

import java.util.List;

/**
 * Lines a module adds to the block Atrium logs once it is ready to serve, under "Atrium
 * is running at ...": the demo logins, for example. Declare a bean of this type; beans
 * are asked in {@link org.springframework.core.annotation.Order} order.
 */
@FunctionalInterface
public interface StartupNotes {

	/**
	 * @param baseUrl the address Atrium answers on, without a trailing slash, such as
	 * {@code http://localhost:8080}
	 * @return the lines to print, without indentation; empty for none
	 */
	List<String> startupNotes(String baseUrl);

}
