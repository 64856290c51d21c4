package io.atrium.webhooks.payload;

import java.math.BigDecimal;

import io.atrium.shared.Money;

/**
 * A money object of the webhooks: {@code {"value":150.6,"currency_value":"BRL"}} (the
 * REST API says {@code currency_code}; webhooks say {@code currency_value}).
 *
 * @param value the amount in major units
 * @param currencyValue the ISO currency code
 */
public record Price(BigDecimal value, String currencyValue) {

	/**
	 * @param money an amount
	 * @return it as a webhook money object
	 */
	public static Price of(Money money) {
		return new Price(amount(money), money.currency().getCurrencyCode());
	}

	/**
	 * @param money an amount
	 * @return its value in major units without trailing zeros ({@code 150.6},
	 * {@code 100})
	 */
	public static BigDecimal amount(Money money) {
		BigDecimal value = money.decimal().stripTrailingZeros();
		return (value.scale() < 0) ? value.setScale(0) : value;
	}

}
