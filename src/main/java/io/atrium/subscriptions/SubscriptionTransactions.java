package io.atrium.subscriptions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.atrium.checkout.Purchase;
import io.atrium.checkout.RecurringChargeFilter;
import io.atrium.checkout.RecurringChargeQuery;

import org.springframework.stereotype.Service;

/**
 * Lists the charges (transactions) of a producer's subscriptions, newest first, a keyset
 * page at a time (hotmart-api.md §3.3). Charges are read from checkout
 * ({@link RecurringChargeQuery}, by purchase id through the producer's index) with the
 * filters on the charge itself; filters on the subscription (its status, the subscriber's
 * name or e-mail) are applied to the charges read, reading further until the page is
 * full. A subscriber code narrows the read to that one subscription.
 */
@Service
public class SubscriptionTransactions {

	/** The name of this list in its cursors. */
	static final String LIST = "transactions";

	private static final int BATCH = 200;

	private final RecurringChargeQuery charges;

	private final SubscriptionRows rows;

	private final SubscriptionSearch search;

	private final NegotiationRows negotiations;

	SubscriptionTransactions(RecurringChargeQuery charges, SubscriptionRows rows, SubscriptionSearch search,
			NegotiationRows negotiations) {
		this.charges = charges;
		this.rows = rows;
		this.search = search;
		this.negotiations = negotiations;
	}

	/**
	 * One page of the matching charges.
	 * @param filter which charges
	 * @param cursor a cursor of an earlier page, or null/blank for the first page
	 * @param size the page size, at least 1
	 * @return the page, newest charge first
	 * @throws KeysetCursor.InvalidCursor when the cursor was not issued by this list
	 */
	public Page search(SubscriptionChargeFilter filter, String cursor, int size) {
		KeysetCursor position = KeysetCursor.parse(LIST, 1, cursor);
		int rows = Math.max(1, size);
		Long subscriptionId = null;
		if (filter.subscriberCode() != null && !filter.subscriberCode().isBlank()) {
			subscriptionId = this.rows.byCode(filter.subscriberCode().strip().toUpperCase(Locale.ROOT))
				.filter((s) -> s.producerAccountId() == filter.producerAccountId())
				.map(Subscription::id)
				.orElse(null);
			if (subscriptionId == null) {
				return new Page(List.of(), null, null);
			}
		}
		if (filter.nothing()) {
			return new Page(List.of(), null, null);
		}
		boolean backward = position != null && position.backward();
		RecurringChargeFilter read = new RecurringChargeFilter(filter.producerAccountId(), subscriptionId,
				filter.productId(), filter.transaction(), filter.purchaseStatuses(), filter.from(), filter.to(),
				filter.offerCode(), filter.method());
		List<Transaction> found = new ArrayList<>();
		Long from = (position != null) ? position.value(0) : null;
		while (found.size() <= rows) {
			List<Purchase> batch = this.charges.page(read, from, backward, BATCH);
			if (batch.isEmpty()) {
				break;
			}
			for (Transaction t : transactions(filter.producerAccountId(), batch)) {
				if (matches(filter, t) && found.size() <= rows) {
					found.add(t);
				}
			}
			from = batch.get(batch.size() - 1).id();
			if (batch.size() < BATCH) {
				break;
			}
		}
		boolean more = found.size() > rows;
		List<Transaction> items = new ArrayList<>(found.subList(0, Math.min(rows, found.size())));
		if (backward) {
			Collections.reverse(items);
		}
		if (items.isEmpty()) {
			return new Page(List.of(), null, null);
		}
		boolean hasNext = backward || more;
		boolean hasPrevious = backward ? more : position != null;
		return new Page(List.copyOf(items),
				hasNext ? KeysetCursor.after(LIST, items.get(items.size() - 1).purchase().id()).token() : null,
				hasPrevious ? KeysetCursor.before(LIST, items.get(0).purchase().id()).token() : null);
	}

	/**
	 * @param s a subscription
	 * @return every charge of it, newest first
	 */
	public List<Transaction> of(Subscription s) {
		return of(List.of(s)).getOrDefault(s.id(), List.of());
	}

	/**
	 * @param subscriptions subscriptions of one producer
	 * @return every charge of each, newest first, by subscription id (read at once)
	 */
	public Map<Long, List<Transaction>> of(Collection<Subscription> subscriptions) {
		if (subscriptions.isEmpty()) {
			return Map.of();
		}
		long producer = subscriptions.iterator().next().producerAccountId();
		List<Purchase> all = new ArrayList<>(
				this.charges.ofSubscriptions(subscriptions.stream().map(Subscription::id).toList()));
		Collections.reverse(all);
		Map<Long, List<Transaction>> bySubscription = new HashMap<>();
		for (Transaction t : transactions(producer, all)) {
			bySubscription.computeIfAbsent(t.subscription().id(), (id) -> new ArrayList<>()).add(t);
		}
		return bySubscription;
	}

	private List<Transaction> transactions(long producerAccountId, List<Purchase> batch) {
		Set<Long> ids = new LinkedHashSet<>();
		Set<String> codes = new LinkedHashSet<>();
		for (Purchase p : batch) {
			ids.add(p.subscriptionId());
			codes.add(p.transaction());
		}
		Map<Long, Subscription> subscriptions = this.search.byIds(producerAccountId, ids);
		Map<String, NegotiationRows.Row> negotiated = this.negotiations.byTransactions(codes);
		List<Transaction> transactions = new ArrayList<>();
		for (Purchase p : batch) {
			Subscription s = subscriptions.get(p.subscriptionId());
			if (s == null) {
				continue;
			}
			NegotiationRows.Row n = negotiated.get(p.transaction());
			List<Integer> recurrences = (n != null) ? n.recurrences()
					: (p.recurrenceNumber() != null) ? List.of(p.recurrenceNumber()) : List.of();
			transactions.add(new Transaction(p, s, recurrences, n != null));
		}
		return transactions;
	}

	private static boolean matches(SubscriptionChargeFilter f, Transaction t) {
		Subscription s = t.subscription();
		if (f.subscriptionStatuses() != null && !f.subscriptionStatuses().contains(s.status())) {
			return false;
		}
		if (f.recurrenceStatuses() != null && !f.recurrenceStatuses().contains(t.recurrenceStatus())) {
			return false;
		}
		return contains(s.subscriber().name(), f.subscriberName())
				&& contains(s.subscriber().email(), f.subscriberEmail());
	}

	private static boolean contains(String text, String part) {
		return part == null || part.isBlank()
				|| text.toLowerCase(Locale.ROOT).contains(part.strip().toLowerCase(Locale.ROOT));
	}

	/**
	 * One charge of a subscription.
	 *
	 * @param purchase the charge
	 * @param subscription its subscription, as it is now
	 * @param recurrences the recurrences it pays (several for a negotiation; none for a
	 * plan upgrade's difference)
	 * @param negotiation whether it is an installment negotiation's charge
	 */
	public record Transaction(Purchase purchase, Subscription subscription, List<Integer> recurrences,
			boolean negotiation) {

		/**
		 * @return where the charge stands
		 */
		public RecurrenceStatus recurrenceStatus() {
			return RecurrenceStatus.of(this.purchase);
		}

	}

	/**
	 * One page.
	 *
	 * @param items the charges, newest first
	 * @param nextCursor the cursor of the page after it, null on the last page
	 * @param previousCursor the cursor of the page before it, null on the first page
	 */
	public record Page(List<Transaction> items, String nextCursor, String previousCursor) {

	}

}
