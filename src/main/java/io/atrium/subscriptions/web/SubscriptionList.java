package io.atrium.subscriptions.web;

import java.util.List;

import io.atrium.subscriptions.Subscription;
import io.atrium.subscriptions.Subscriptions;

import org.springframework.stereotype.Component;

/**
 * The producer's subscriptions as the list page pages through them: filtered, newest
 * first, a page at a time with opaque next and previous tokens. Today it filters
 * {@link Subscriptions#ofProducer(long)} in memory; the keyset search of the compatible
 * API can replace it behind the same method without the page changing.
 */
@Component
class SubscriptionList {

	private final Subscriptions subscriptions;

	SubscriptionList(Subscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	/**
	 * @param producerAccountId the producer
	 * @param query the filters
	 * @param pageToken a token from an earlier page, or null for the first
	 * @param size how many per page
	 * @return the page
	 */
	Page find(long producerAccountId, SubscriptionQuery query, String pageToken, int size) {
		List<Subscription> all = this.subscriptions.ofProducer(producerAccountId)
			.stream()
			.filter(query::matches)
			.toList();
		int offset = offset(pageToken, all.size());
		List<Subscription> items = all.subList(offset, Math.min(all.size(), offset + size));
		String next = (offset + size < all.size()) ? token(offset + size) : null;
		String previous = (offset > 0) ? token(Math.max(0, offset - size)) : null;
		return new Page(items, all.size(), next, previous);
	}

	private static String token(int offset) {
		return "o" + offset;
	}

	private static int offset(String token, int total) {
		if (token == null || !token.matches("o\\d{1,9}")) {
			return 0;
		}
		int offset = Integer.parseInt(token.substring(1));
		return (offset < total) ? offset : 0;
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
