package io.atrium.subscriptions.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.atrium.api.ApiClient;
import io.atrium.api.CompatibleApiController;
import io.atrium.api.CompatiblePages;
import io.atrium.subscriptions.Requester;
import io.atrium.subscriptions.Subscription;
import io.atrium.subscriptions.SubscriptionTransactions;
import io.atrium.subscriptions.Subscriptions;
import io.swagger.v3.oas.annotations.Hidden;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The charges of the calling producer's subscriptions (hotmart-api.md §3.3), newest
 * first, in keyset pages without {@code total_results}; and the alias a widely used
 * client calls, {@code /subscriptions/{subscriber_code}/transactions}, answering every
 * charge of one subscription (no date window) as a bare array.
 */
@CompatibleApiController
@Hidden
class CompatibleTransactionsController extends CompatibleSubscriptionsSupport {

	private final SubscriptionTransactions transactions;

	private final Subscriptions subscriptions;

	private final SubscriptionFacts facts;

	private final Clock clock;

	CompatibleTransactionsController(SubscriptionTransactions transactions, Subscriptions subscriptions,
			SubscriptionFacts facts, Clock clock) {
		this.transactions = transactions;
		this.subscriptions = subscriptions;
		this.facts = facts;
		this.clock = clock;
	}

	@GetMapping("/payments/api/v1/subscriptions/transactions")
	CompatiblePages.Page<TransactionItem> transactions(@AuthenticationPrincipal ApiClient client,
			@ModelAttribute TransactionParameters parameters) {
		Instant now = this.clock.instant();
		SubscriptionTransactions.Page page = this.transactions
			.search(parameters.filter(client.producerAccountId(), now), parameters.pageToken(), parameters.size());
		SubscriptionFacts.Lookup lookup = this.facts.forProducer(client.producerAccountId());
		List<TransactionItem> items = page.items().stream().map((t) -> TransactionItem.of(t, lookup, now)).toList();
		return new CompatiblePages.Page<>(items,
				new CompatiblePages.PageInfo(null, page.nextCursor(), page.previousCursor(), items.size()));
	}

	@GetMapping("/payments/api/v1/subscriptions/{subscriber_code}/transactions")
	List<TransactionItem> ofSubscriber(@AuthenticationPrincipal ApiClient client,
			@PathVariable("subscriber_code") String code) {
		Subscription s = this.subscriptions.get(Requester.producer(client.producerAccountId()), code);
		Instant now = this.clock.instant();
		SubscriptionFacts.Lookup lookup = this.facts.forProducer(client.producerAccountId());
		return this.transactions.of(s).stream().map((t) -> TransactionItem.of(t, lookup, now)).toList();
	}

}
