package io.atrium.subscriptions.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.atrium.api.ApiClient;
import io.atrium.api.CompatibleApiController;
import io.atrium.api.CompatiblePages;
import io.atrium.checkout.Purchases;
import io.atrium.subscriptions.Requester;
import io.atrium.subscriptions.Subscription;
import io.atrium.subscriptions.SubscriptionFilter;
import io.atrium.subscriptions.SubscriptionSearch;
import io.atrium.subscriptions.SubscriptionTransactions;
import io.atrium.subscriptions.SubscriptionTransactions.Transaction;
import io.atrium.subscriptions.Subscriptions;
import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The compatible subscription reads (hotmart-api.md §3.1, §3.2, §3.4) over the calling
 * producer's subscriptions: the list and the summary page through
 * {@link SubscriptionSearch}'s keyset cursors; a subscriber's purchases are a bare array.
 * Another producer's subscriber code is 404 like an unknown one.
 */
@CompatibleApiController
@Hidden
class CompatibleSubscriptionsController extends CompatibleSubscriptionsSupport {

	private final SubscriptionSearch search;

	private final Subscriptions subscriptions;

	private final SubscriptionTransactions transactions;

	private final Purchases purchases;

	private final SubscriptionFacts facts;

	private final Clock clock;

	CompatibleSubscriptionsController(SubscriptionSearch search, Subscriptions subscriptions,
			SubscriptionTransactions transactions, Purchases purchases, SubscriptionFacts facts, Clock clock) {
		this.search = search;
		this.subscriptions = subscriptions;
		this.transactions = transactions;
		this.purchases = purchases;
		this.facts = facts;
		this.clock = clock;
	}

	@GetMapping("/payments/api/v1/subscriptions")
	CompatiblePages.Page<SubscriptionItems.ListItem> list(@AuthenticationPrincipal ApiClient client,
			@ModelAttribute SubscriptionListParameters parameters) {
		long producer = client.producerAccountId();
		SubscriptionFilter filter = renewalToFirstTransaction(producer,
				parameters.filter(producer, this.clock.instant()));
		SubscriptionSearch.Page page = this.search.search(filter, parameters.pageToken(), parameters.size());
		SubscriptionFacts.Lookup lookup = this.facts.forProducer(producer).withFirstPurchases(page.items());
		List<SubscriptionItems.ListItem> items = page.items()
			.stream()
			.map((s) -> SubscriptionItems.ListItem.of(s, lookup))
			.toList();
		return new CompatiblePages.Page<>(items, new CompatiblePages.PageInfo(this.search.count(filter),
				page.nextCursor(), page.previousCursor(), items.size()));
	}

	@GetMapping("/payments/api/v1/subscriptions/summary")
	CompatiblePages.Page<SubscriptionItems.SummaryItem> summary(@AuthenticationPrincipal ApiClient client,
			@ModelAttribute SummaryParameters parameters) {
		Instant now = this.clock.instant();
		SubscriptionFilter filter = parameters.filter(client.producerAccountId(), now);
		SubscriptionSearch.Page page = this.search.search(filter, parameters.pageToken(),
				CompatibleParameters.size(parameters.maxResults()));
		Map<Long, List<Transaction>> charges = this.transactions.of(page.items());
		List<SubscriptionItems.SummaryItem> items = page.items()
			.stream()
			.map((s) -> SubscriptionItems.SummaryItem.of(s, charges.getOrDefault(s.id(), List.of()), now))
			.toList();
		return new CompatiblePages.Page<>(items,
				new CompatiblePages.PageInfo(null, page.nextCursor(), page.previousCursor(), items.size()));
	}

	@GetMapping("/payments/api/v1/subscriptions/{subscriber_code}/purchases")
	List<PurchaseItem> purchases(@AuthenticationPrincipal ApiClient client,
			@PathVariable("subscriber_code") String code) {
		Subscription s = this.subscriptions.get(Requester.producer(client.producerAccountId()), code);
		Instant now = this.clock.instant();
		List<Transaction> oldestFirst = new ArrayList<>(this.transactions.of(s));
		Collections.reverse(oldestFirst);
		return oldestFirst.stream().map((t) -> PurchaseItem.of(t, now)).toList();
	}

	/**
	 * A {@code transaction} filter naming a renewal (or any later charge) finds its
	 * subscription, like its first purchase does.
	 */
	private SubscriptionFilter renewalToFirstTransaction(long producer, SubscriptionFilter filter) {
		if (filter.transaction() == null) {
			return filter;
		}
		return this.purchases.ofProducer(producer, filter.transaction().toUpperCase(java.util.Locale.ROOT))
			.filter((p) -> p.subscriptionId() != null)
			.map((p) -> this.search.byIds(producer, List.of(p.subscriptionId())).get(p.subscriptionId()))
			.map((s) -> filter.withTransaction(s.firstTransaction()))
			.orElse(filter);
	}

	/**
	 * The query parameters of the summary (§3.2): the list's accession defaults;
	 * {@code date_next_charge} alone means every next charge from it on.
	 */
	record SummaryParameters(@BindParam("max_results") Integer maxResults, @BindParam("page_token") String pageToken,
			@BindParam("product_id") Long productId, @BindParam("subscriber_code") String subscriberCode,
			@BindParam("accession_date") Long accessionDate, @BindParam("end_accession_date") Long endAccessionDate,
			@BindParam("date_next_charge") Long dateNextCharge) {

		SubscriptionFilter filter(long producer, Instant now) {
			return new SubscriptionListParameters(null, null, this.productId, null, null, this.accessionDate,
					this.endAccessionDate, null, this.subscriberCode, null, null, null, null, null, null, null,
					this.dateNextCharge, null)
				.filter(producer, now);
		}

	}

}
