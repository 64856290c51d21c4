package io.atrium.subscriptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.atrium.accounts.Accounts;
import io.atrium.api.ApiCredentials;
import io.atrium.catalog.Offers;
import io.atrium.catalog.Products;
import io.atrium.checkout.Checkout;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.TestClock;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link SubscriptionSearch} as the producer's pages use it: free-text search over name,
 * e-mail and subscriber code in any case, combined with statuses; keyset pages in both
 * directions that stay put while subscriptions arrive; one producer only.
 */
@AtriumIntegrationTest
class SubscriptionSearchIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	Accounts accounts;

	@Autowired
	Products products;

	@Autowired
	Offers offers;

	@Autowired
	Checkout checkout;

	@Autowired
	Subscriptions subscriptions;

	@Autowired
	Renewals renewals;

	@Autowired
	ApiCredentials credentials;

	@Autowired
	TestClock clock;

	@Autowired
	SubscriptionSearch search;

	SubscriptionApiFixture fixture() throws Exception {
		return new SubscriptionApiFixture(
				new SubscriptionApiFixture.Services(this.port, this.json, this.accounts, this.products, this.offers,
						this.checkout, this.subscriptions, this.renewals, this.credentials, this.clock));
	}

	@Test
	void freeTextFindsNameEmailOrCodeInAnyCase() throws Exception {
		SubscriptionApiFixture producer = fixture();
		Subscription ana = producer.subscribe(producer.monthly, "Ana Quixote");
		Subscription bruno = producer.subscribe(producer.monthly, "Bruno Costa");
		SubscriptionApiFixture other = fixture();
		other.subscribe(other.monthly, "Ana Quixote");
		SubscriptionFilter all = SubscriptionFilter.of(producer.producer);

		assertThat(codes(all.withSearch("quiXote"))).containsExactly(ana.code());
		assertThat(codes(all.withSearch("BRUNO.COSTA"))).containsExactly(bruno.code());
		assertThat(codes(all.withSearch(bruno.code().substring(2, 6).toLowerCase()))).contains(bruno.code());
		assertThat(codes(all.withSearch("%"))).isEmpty();
		assertThat(codes(all.withSearch("_"))).isEmpty();
		assertThat(codes(all.withSearch("example.com"))).containsExactly(bruno.code(), ana.code());
		this.subscriptions.cancel(Requester.producer(producer.producer), ana.code(), false);
		assertThat(codes(all.withSearch("example").withStatuses(Set.of(SubscriptionStatus.ACTIVE))))
			.containsExactly(bruno.code());
		assertThat(codes(all.withStatuses(Set.of()))).isEmpty();
		assertThat(this.search.count(all)).isEqualTo(2);
	}

	@Test
	void keysetPagesGoBothWaysAndStayPutWhileSubscriptionsArrive() throws Exception {
		SubscriptionApiFixture producer = fixture();
		List<String> made = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			made.add(0, producer.subscribe(producer.monthly, "Person " + i).code());
		}
		SubscriptionFilter filter = SubscriptionFilter.of(producer.producer);
		SubscriptionSearch.Page first = this.search.search(filter, null, 3);
		assertThat(codes(first)).containsExactly(made.get(0), made.get(1), made.get(2));
		assertThat(first.previousCursor()).isNull();
		String newest = producer.subscribe(producer.monthly, "Late Arrival").code();
		SubscriptionSearch.Page second = this.search.search(filter, first.nextCursor(), 3);
		assertThat(codes(second)).containsExactly(made.get(3));
		assertThat(second.nextCursor()).isNull();
		SubscriptionSearch.Page back = this.search.search(filter, second.previousCursor(), 3);
		assertThat(codes(back)).containsExactly(made.get(0), made.get(1), made.get(2));
		assertThat(back.previousCursor()).isNotNull();
		SubscriptionSearch.Page top = this.search.search(filter, back.previousCursor(), 3);
		assertThat(codes(top)).containsExactly(newest);
		assertThat(top.previousCursor()).isNull();
		assertThat(this.search.search(filter, top.nextCursor(), 10).items()).hasSize(4);
		assertThatThrownBy(() -> this.search.search(filter, "not-a-cursor", 3))
			.isInstanceOf(KeysetCursor.InvalidCursor.class);
		// a made-up position far outside the accepted dates is refused, not sent to the
		// database
		assertThatThrownBy(
				() -> this.search.search(filter, KeysetCursor.after("subscriptions", Long.MAX_VALUE, 1).token(), 3))
			.isInstanceOf(KeysetCursor.InvalidCursor.class);
	}

	List<String> codes(SubscriptionFilter filter) {
		return codes(this.search.search(filter, null, 50));
	}

	static List<String> codes(SubscriptionSearch.Page page) {
		return page.items().stream().map(Subscription::code).toList();
	}

}
