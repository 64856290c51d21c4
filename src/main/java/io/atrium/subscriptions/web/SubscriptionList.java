package io.atrium.subscriptions.web;

import java.util.List;

import io.atrium.subscriptions.KeysetCursor;
import io.atrium.subscriptions.Subscription;
import io.atrium.subscriptions.SubscriptionFilter;
import io.atrium.subscriptions.SubscriptionSearch;

import org.springframework.stereotype.Component;

/**
 * The producer's subscriptions as the list page pages through them: filtered, newest
 * first, a page at a time with opaque next and previous tokens (the keyset cursors of
 * {@link SubscriptionSearch}, as the compatible API's). A token the list did not issue is
 * ignored: the first page is shown.
 */
@Component
class SubscriptionList {

	private final SubscriptionSearch search;

	SubscriptionList(SubscriptionSearch search) {
		this.search = search;
	}

	/**
	 * @param filter the filters
	 * @param pageToken a token from an earlier page, or null for the first
	 * @param size how many per page
	 * @return the page
	 */
	Page find(SubscriptionFilter filter, String pageToken, int size) {
		SubscriptionSearch.Page page;
		try {
			page = this.search.search(filter, pageToken, size);
		}
		catch (KeysetCursor.InvalidCursor ex) {
			page = this.search.search(filter, null, size);
		}
		return new Page(page.items(), this.search.count(filter), page.nextCursor(), page.previousCursor());
	}

	/**
	 * One page of subscriptions.
	 *
	 * @param items the subscriptions on it, newest first
	 * @param total how many match in all
	 * @param nextToken the token of the next page, or null on the last
	 * @param previousToken the token of the previous page, or null on the first
	 */
	record Page(List<Subscription> items, long total, String nextToken, String previousToken) {

	}

}
