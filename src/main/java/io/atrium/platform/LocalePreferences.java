package io.atrium.platform;

import java.util.Locale;
import java.util.Optional;

import org.springframework.security.core.Authentication;

/**
 * Where a signed-in person's language preference lives. The accounts module implements
 * it; the locale resolver asks it first and tells it when the person switches language.
 */
public interface LocalePreferences {

	/**
	 * @param authentication the signed-in person
	 * @return the language they chose, if they chose one
	 */
	Optional<Locale> preferredLocale(Authentication authentication);

	/**
	 * Remembers a language the signed-in person switched to.
	 * @param authentication the signed-in person
	 * @param locale a supported locale
	 */
	void rememberLocale(Authentication authentication, Locale locale);

}
