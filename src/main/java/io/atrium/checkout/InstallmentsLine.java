package io.atrium.checkout;

import java.util.List;
import java.util.Locale;

import io.atrium.shared.Money;

/**
 * Installments as a reader sees them, amounts formatted in their language: for the
 * checkout's choices ("3× R$ 32.34") and for what a purchase was paid in ("3
 * installments: R$ 32.34, then 2 of R$ 32.33"). The texts around them come from the
 * message bundles ({@code checkout.installments.*}).
 *
 * @param count how many installments
 * @param first the first installment, formatted
 * @param rest each later installment, formatted
 * @param even whether every installment is the same amount
 */
public record InstallmentsLine(int count, String first, String rest, boolean even) {

	/**
	 * @param split a split
	 * @param locale the reader's language
	 * @return the split for reading
	 */
	public static InstallmentsLine of(Installments split, Locale locale) {
		return new InstallmentsLine(split.count(), MoneyText.format(split.first(), locale),
				MoneyText.format(split.rest(), locale), split.first().equals(split.rest()));
	}

	/**
	 * @param terms a purchase's terms
	 * @param locale the reader's language
	 * @return how it was paid, or null when in one installment (nothing to say)
	 */
	public static InstallmentsLine paid(PurchaseTerms terms, Locale locale) {
		return (terms.installments() > 1) ? of(terms.split(), locale) : null;
	}

	/**
	 * @param total the price to pay
	 * @param max the offer's maximum
	 * @param locale the reader's language
	 * @return one line per count from 1 to {@code max}
	 */
	public static List<InstallmentsLine> choices(Money total, int max, Locale locale) {
		return Installments.choices(total, max).stream().map((s) -> of(s, locale)).toList();
	}

	/**
	 * @return how many installments after the first
	 */
	public int later() {
		return this.count - 1;
	}

}
