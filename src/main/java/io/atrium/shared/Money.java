package io.atrium.shared;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.Set;

/**
 * An amount of money in minor units (cents) of a currency. Never a floating-point number.
 *
 * @param amountMinor the amount in the currency's minor units, for example 4990 for R$
 * 49,90
 * @param currency the currency
 */
public record Money(long amountMinor, Currency currency) {

	/** The currencies Atrium sells in. */
	public static final Set<String> SUPPORTED = Set.of("BRL", "USD", "EUR");

	public Money {
		Objects.requireNonNull(currency, "currency");
		if (!SUPPORTED.contains(currency.getCurrencyCode())) {
			throw new IllegalArgumentException("Unsupported currency: " + currency.getCurrencyCode());
		}
	}

	/**
	 * @param amountMinor minor units
	 * @param currencyCode an ISO 4217 code Atrium supports (BRL, USD, EUR)
	 * @return the money
	 * @throws IllegalArgumentException for an unknown or unsupported currency
	 */
	public static Money of(long amountMinor, String currencyCode) {
		Currency currency;
		try {
			currency = Currency.getInstance(currencyCode);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("Unknown currency: " + currencyCode, ex);
		}
		return new Money(amountMinor, currency);
	}

	/**
	 * @return the amount as a decimal in major units, for example 49.90, as wire formats
	 * want
	 */
	public BigDecimal decimal() {
		return BigDecimal.valueOf(this.amountMinor, this.currency.getDefaultFractionDigits());
	}

	/**
	 * @return the same currency, another amount
	 */
	public Money withAmount(long amountMinor) {
		return new Money(amountMinor, this.currency);
	}

	@Override
	public String toString() {
		return this.decimal().toPlainString() + " " + this.currency.getCurrencyCode();
	}

}
