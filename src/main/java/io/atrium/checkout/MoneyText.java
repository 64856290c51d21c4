package io.atrium.checkout;

import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.atrium.shared.Money;

/**
 * Money as people read it in their language ("R$ 49,90", "$49.90", "49,90 €").
 */
public final class MoneyText {

	/**
	 * A format per language and currency, copied for each use (a format is not safe
	 * across threads): building one looks up the locale's symbols and patterns, which was
	 * 2 % of a renewal's CPU samples (its receipt e-mail, JFR); a copy is a fraction of
	 * that. Bounded, since the language comes from the buyer.
	 */
	private static final Cache<Key, NumberFormat> FORMATS = Caffeine.newBuilder().maximumSize(512).build();

	private MoneyText() {
	}

	/**
	 * @param money an amount
	 * @param locale the reader's language
	 * @return the amount with its currency symbol
	 */
	public static String format(Money money, Locale locale) {
		NumberFormat prototype = FORMATS.get(new Key(locale, money.currency()), (key) -> {
			NumberFormat format = NumberFormat.getCurrencyInstance(key.locale());
			format.setCurrency(key.currency());
			return format;
		});
		return ((NumberFormat) prototype.clone()).format(money.decimal());
	}

	private record Key(Locale locale, Currency currency) {
	}

}
