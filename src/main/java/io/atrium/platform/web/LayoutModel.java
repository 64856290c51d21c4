package io.atrium.platform.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.atrium.platform.SupportedLanguages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.view.RedirectView;

/**
 * What the shared layout needs on every page: the languages for the switcher, the current
 * one, the current path (so switching language stays on the same page), whether the
 * header invites a visitor to start selling, and the producer area's sections.
 * <p>
 * Added after the handler, only when it renders a view. As {@code @ModelAttribute}
 * methods of a controller advice they ran before every handler, JSON ones included (an
 * advice cannot leave out {@code @RestController}s): about a fifth of the CPU of a token
 * request went to computing a page model nobody rendered (docs/performance.md). A value
 * the handler put in the model itself is kept; a redirect gets nothing (its model becomes
 * the query string).
 */
class LayoutModel implements HandlerInterceptor {

	private static final Set<String> SELLER_PAGES = Set.of("/", "/login");

	/** The switcher's list for each current language, made once (every page shows it). */
	private static final Map<String, List<Language>> LANGUAGES = SupportedLanguages.ALL.stream()
		.map(Locale::toLanguageTag)
		.collect(Collectors.toUnmodifiableMap((current) -> current,
				(current) -> SupportedLanguages.ALL.stream()
					.map((l) -> new Language(l.toLanguageTag(), capitalized(l.getDisplayName(l), l),
							current.equals(l.toLanguageTag())))
					.toList()));

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView view) {
		if (view == null || view.wasCleared() || isRedirect(view)) {
			return;
		}
		String language = SupportedLanguages.tagOf(RequestContextUtils.getLocale(request));
		String path = request.getRequestURI().substring(request.getContextPath().length());
		Map<String, Object> model = view.getModel();
		model.putIfAbsent("languages", LANGUAGES.get(language));
		model.putIfAbsent("currentLanguage", language);
		model.putIfAbsent("currentPath", path);
		// "Start selling" only where a would-be producer lands (the home page, the log-in
		// page), never on a buyer's checkout, purchase or members area, nor on any page
		// added later unless it is listed here
		model.putIfAbsent("sellerInvite", SELLER_PAGES.contains(path));
		model.putIfAbsent("producerSections", ProducerSections.of(request, path));
	}

	private static boolean isRedirect(ModelAndView view) {
		String name = view.getViewName();
		return (name != null) ? name.startsWith("redirect:") || name.startsWith("forward:")
				: view.getView() instanceof RedirectView;
	}

	private static String capitalized(String name, Locale locale) {
		return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
	}

	record Language(String tag, String name, boolean current) {
	}

}
