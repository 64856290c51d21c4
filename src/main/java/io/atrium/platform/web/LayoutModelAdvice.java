package io.atrium.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.atrium.platform.SupportedLanguages;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the shared layout needs on every page: the languages for the switcher, the current
 * one, the current path (so switching language stays on the same page) and whether the
 * header invites a visitor to start selling.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModelAdvice {

	private static final Set<String> SELLER_PAGES = Set.of("/", "/login");

	/** The switcher's list for each current language, made once (every page shows it). */
	private static final Map<String, List<Language>> LANGUAGES = SupportedLanguages.ALL.stream()
		.map(Locale::toLanguageTag)
		.collect(Collectors.toUnmodifiableMap((current) -> current,
				(current) -> SupportedLanguages.ALL.stream()
					.map((l) -> new Language(l.toLanguageTag(), capitalized(l.getDisplayName(l), l),
							current.equals(l.toLanguageTag())))
					.toList()));

	@ModelAttribute("languages")
	List<Language> languages(Locale current) {
		return LANGUAGES.get(SupportedLanguages.tagOf(current));
	}

	private static String capitalized(String name, Locale locale) {
		return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
	}

	@ModelAttribute("currentLanguage")
	String currentLanguage(Locale current) {
		return SupportedLanguages.tagOf(current);
	}

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	/**
	 * Whether the header shows "Start selling": only on the pages a would-be producer
	 * lands on (the home page, the log-in page), never on a buyer's checkout, purchase or
	 * members area, nor on any page added later unless it is listed here.
	 */
	@ModelAttribute("sellerInvite")
	boolean sellerInvite(HttpServletRequest request) {
		return SELLER_PAGES.contains(currentPath(request));
	}

	record Language(String tag, String name, boolean current) {
	}

}
