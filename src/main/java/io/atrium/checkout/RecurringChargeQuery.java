package io.atrium.checkout;

import java.util.Collection;
import java.util.List;

/**
 * Reads the charges of subscriptions (purchases carrying a subscription id) for the
 * subscriptions module's reports and compatible API, a keyset page at a time. Read-only.
 */
public interface RecurringChargeQuery {

	/**
	 * One keyset page of the matching charges.
	 * @param filter which charges
	 * @param position the id of the charge the page continues from, or null for the first
	 * page
	 * @param backward false for the charges after the position, newest first (id
	 * descending); true for the charges before it, oldest first (id ascending)
	 * @param limit how many at most
	 * @return the charges
	 */
	List<Purchase> page(RecurringChargeFilter filter, Long position, boolean backward, int limit);

	/**
	 * @param subscriptionIds subscriptions
	 * @return every charge of those subscriptions, oldest first
	 */
	List<Purchase> ofSubscriptions(Collection<Long> subscriptionIds);

	/**
	 * @param purchaseIds purchases
	 * @return those purchases, in id order
	 */
	List<Purchase> byIds(Collection<Long> purchaseIds);

}
