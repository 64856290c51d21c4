package io.atrium.checkout;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import io.atrium.shared.Money;

/**
 * Reads a producer's sales for reports and the compatible sales API: filtered lists,
 * totals per currency and daily figures. Read-only; always scoped to
 * {@link SalesFilter#producerAccountId()}.
 */
public interface SalesQuery {

	/**
	 * @param filter which sales
	 * @param offset how many matching sales to skip (newest first)
	 * @param limit how many at most
	 * @return the matching sales, newest first (by start time, then id)
	 */
	List<Purchase> find(SalesFilter filter, long offset, int limit);

	/**
	 * @param filter which sales
	 * @return how many sales match
	 */
	long count(SalesFilter filter);

	/**
	 * @param filter which sales
	 * @return per currency, how many sales match and their summed price; ordered by
	 * currency code
	 */
	List<CurrencyTotal> totals(SalesFilter filter);

	/**
	 * @param filter which sales
	 * @param zone the time zone days are counted in
	 * @return per day (of the start time) and currency with sales, their number and sum;
	 * oldest first
	 */
	List<DailySales> daily(SalesFilter filter, ZoneId zone);

	/**
	 * Sales of one currency.
	 *
	 * @param count how many
	 * @param sum their summed price
	 */
	record CurrencyTotal(long count, Money sum) {

	}

	/**
	 * Sales of one day in one currency.
	 *
	 * @param day the day
	 * @param count how many
	 * @param sum their summed price
	 */
	record DailySales(LocalDate day, long count, Money sum) {

	}

}
