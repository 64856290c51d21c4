package io.atrium.checkout;

import java.time.Instant;
import java.util.List;

import io.atrium.shared.Money;

/**
 * Aggregate figures of a producer's sales for the dashboard: paid sales binned over time
 * and the best-selling offers. Read-only; always scoped to one producer. A sale counts at
 * its start time, as in {@link SalesQuery}; "paid" means {@link #PAID} (approved or
 * complete).
 */
public interface SalesFigures {

	/** The statuses of a paid sale. */
	java.util.Set<PurchaseStatus> PAID = java.util.EnumSet.of(PurchaseStatus.APPROVED, PurchaseStatus.COMPLETE);

	/**
	 * Paid sales started in {@code [edges[0], edges[n])}, binned: bin {@code i} holds
	 * those started in {@code [edges[i], edges[i+1])}. One query.
	 * @param producerAccountId the producer
	 * @param edges at least two instants, ascending
	 * @return per bin and currency with sales, their number and sum; by bin, then
	 * currency
	 */
	List<Bin> paidSales(long producerAccountId, List<Instant> edges);

	/**
	 * @param producerAccountId the producer
	 * @param from sales started at or after this instant
	 * @param to sales started before this instant
	 * @param limit how many offers at most
	 * @return the offers with the most paid sales in the range (most first, then by
	 * product and offer code), each with its sums per currency
	 */
	List<OfferSales> bestSellers(long producerAccountId, Instant from, Instant to, int limit);

	/**
	 * Paid sales of one bin in one currency.
	 *
	 * @param index the bin
	 * @param count how many
	 * @param sum their summed price
	 */
	record Bin(int index, long count, Money sum) {

	}

	/**
	 * One offer's paid sales.
	 *
	 * @param productId the product
	 * @param productName the product's name at the latest sale
	 * @param offerCode the offer's code
	 * @param count how many paid sales
	 * @param sums their summed prices, one per currency, by currency code
	 */
	record OfferSales(long productId, String productName, String offerCode, long count, List<Money> sums) {

		public OfferSales {
			sums = List.copyOf(sums);
		}

	}

}
