package io.atrium.platform.web;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.atrium.platform.LocalePreferences;
import io.atrium.platform.SupportedLanguages;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Chooses the page language: the signed-in account's preference, then the language
 * switched to in this browser (a cookie), then the browser's Accept-Language, then
 * English.
 */
class AtriumLocaleResolver implements LocaleResolver {

	static final String COOKIE = "ATRIUM_LANG";

	private static final String CHOSEN = AtriumLocaleResolver.class.getName() + ".CHOSEN";

	/**
	 * The locale this request resolved: a page asks several times (each model attribute,
	 * the view, its messages), and a signed-in account's preference is a database read.
	 */
	private static final String RESOLVED = AtriumLocaleResolver.class.getName() + ".RESOLVED";

	private final List<LocalePreferences> preferences;

	AtriumLocaleResolver(List<LocalePreferences> preferences) {
		this.preferences = preferences;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		if (request.getAttribute(CHOSEN) instanceof Locale chosen) {
			return chosen;
		}
		Authentication auth = signedIn();
		if (request.getAttribute(RESOLVED) instanceof Resolved resolved && resolved.auth() == auth) {
			return resolved.locale();
		}
		Locale locale = resolve(request, auth);
		request.setAttribute(RESOLVED, new Resolved(auth, locale));
		return locale;
	}

	private Locale resolve(HttpServletRequest request, Authentication auth) {
		if (auth != null) {
			for (LocalePreferences source : this.preferences) {
				Optional<Locale> preferred = source.preferredLocale(auth);
				if (preferred.isPresent()) {
					return preferred.get();
				}
			}
		}
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName())) {
					Optional<Locale> chosen = SupportedLanguages.match(cookie.getValue());
					if (chosen.isPresent()) {
						return chosen.get();
					}
				}
			}
		}
		for (Locale wanted : Collections.list(request.getLocales())) {
			Optional<Locale> match = SupportedLanguages.match(wanted.toLanguageTag());
			if (match.isPresent() && request.getHeader("Accept-Language") != null) {
				return match.get();
			}
		}
		return SupportedLanguages.DEFAULT;
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Locale chosen = SupportedLanguages.match(locale == null ? null : locale.toLanguageTag())
			.orElse(SupportedLanguages.DEFAULT);
		request.setAttribute(CHOSEN, chosen);
		if (response != null) {
			Cookie cookie = new Cookie(COOKIE, chosen.toLanguageTag());
			cookie.setPath("/");
			cookie.setHttpOnly(true);
			cookie.setSecure(request.isSecure());
			cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
			cookie.setAttribute("SameSite", "Lax");
			response.addCookie(cookie);
		}
		Authentication auth = signedIn();
		if (auth != null) {
			this.preferences.forEach((source) -> source.rememberLocale(auth, chosen));
		}
	}

	/**
	 * A resolved locale and the sign-in it was resolved for (a log-in during the request
	 * resolves again).
	 */
	private record Resolved(Authentication auth, Locale locale) {
	}

	private static Authentication signedIn() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
			return null;
		}
		return auth;
	}

}
