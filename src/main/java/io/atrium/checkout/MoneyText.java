package io.atrium.checkout;

import java.text.NumberFormat;
import java.util.Locale;

import io.atrium.shared.Money;

/**
 * Money as people read it in their language ("R$ 49,90", "$49.90", "49,90 €").
 */
public final class MoneyText {

	private MoneyText() {
	}

	/**
	 * @param money an amount
	 * @param locale the reader's language
	 * @return the amount with its currency symbol
	 */
	public static String format(Money money, Locale locale) {
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		format.setCurrency(money.currency());
		return format.format(money.decimal());
	}

}
