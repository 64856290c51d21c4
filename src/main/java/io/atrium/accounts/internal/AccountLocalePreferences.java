package io.atrium.accounts.internal;

import java.util.Locale;
import java.util.Optional;

import io.atrium.accounts.SignedInAccount;
import io.atrium.platform.LocalePreferences;
import io.atrium.platform.SupportedLanguages;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A signed-in account's language is the one on its profile; switching language on any
 * page updates it.
 */
@Component
class AccountLocalePreferences implements LocalePreferences {

	private final AccountRepository accounts;

	AccountLocalePreferences(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Override
	public Optional<Locale> preferredLocale(Authentication authentication) {
		if (authentication.getPrincipal() instanceof SignedInAccount me) {
			return this.accounts.findLocale(me.accountId().value()).flatMap(SupportedLanguages::match);
		}
		return Optional.empty();
	}

	@Override
	@Transactional
	public void rememberLocale(Authentication authentication, Locale locale) {
		if (authentication.getPrincipal() instanceof SignedInAccount me) {
			this.accounts.updateLocale(me.accountId().value(), SupportedLanguages.tagOf(locale));
		}
	}

}
