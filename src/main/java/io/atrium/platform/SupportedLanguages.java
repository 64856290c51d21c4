package io.atrium.platform;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages Atrium speaks: English, Portuguese (Brazil), Spanish and Italian.
 */
public final class SupportedLanguages {

	/** English, the fallback when nothing else matches. */
	public static final Locale DEFAULT = Locale.ENGLISH;

	/** Every supported language, in the order the switcher shows them. */
	public static final List<Locale> ALL = List.of(Locale.ENGLISH, Locale.forLanguageTag("pt-BR"),
			Locale.forLanguageTag("es"), Locale.forLanguageTag("it"));

	private SupportedLanguages() {
	}

	/**
	 * Finds the supported language for a tag such as {@code pt-BR}, {@code pt},
	 * {@code es-MX}.
	 * @param tag a BCP 47 language tag, may be null
	 * @return the matching supported locale, if any
	 */
	public static Optional<Locale> match(String tag) {
		if (tag == null || tag.isBlank()) {
			return Optional.empty();
		}
		Locale wanted = Locale.forLanguageTag(tag.trim().replace('_', '-'));
		return ALL.stream().filter((l) -> l.getLanguage().equals(wanted.getLanguage())).findFirst();
	}

	/**
	 * The canonical tag of a supported locale ({@code en}, {@code pt-BR}, {@code es},
	 * {@code it}).
	 * @param locale any locale
	 * @return the tag of the closest supported language
	 */
	public static String tagOf(Locale locale) {
		return match(locale == null ? null : locale.toLanguageTag()).orElse(DEFAULT).toLanguageTag();
	}

}
