package io.atrium.checkout;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which of a producer's sales to read. Every field but the producer is optional (null
 * matches everything); text fields match a case-insensitive substring.
 *
 * @param producerAccountId the producer whose sales these are (always applied)
 * @param from sales started at or after this instant, or null
 * @param to sales started before this instant, or null
 * @param productId one product, or null
 * @param statuses these statuses only; null for every status (an empty set matches
 * nothing)
 * @param buyerName part of the buyer's name, or null
 * @param buyerEmail part of the buyer's e-mail, or null
 * @param buyer part of the buyer's name or e-mail, or null
 * @param transaction one transaction code (exact), or null
 * @param offerCode one offer code (exact), or null
 * @param method one payment method, or null
 */
public record SalesFilter(long producerAccountId, Instant from, Instant to, Long productId,
		Set<PurchaseStatus> statuses, String buyerName, String buyerEmail, String buyer, String transaction,
		String offerCode, PaymentMethod method) {

	public SalesFilter {
		statuses = (statuses != null) ? Set.copyOf(statuses) : null;
	}

	/**
	 * @param producerAccountId a producer
	 * @return every sale of the producer
	 */
	public static SalesFilter of(long producerAccountId) {
		return new SalesFilter(producerAccountId, null, null, null, null, null, null, null, null, null, null);
	}

	/**
	 * @param only statuses
	 * @return this filter restricted to those statuses (intersected with its own, if any)
	 */
	public SalesFilter onlyStatuses(Set<PurchaseStatus> only) {
		Set<PurchaseStatus> kept = (this.statuses == null) ? only
				: this.statuses.stream().filter(only::contains).collect(Collectors.toSet());
		return new SalesFilter(this.producerAccountId, this.from, this.to, this.productId, kept, this.buyerName,
				this.buyerEmail, this.buyer, this.transaction, this.offerCode, this.method);
	}

}
