package io.atrium.subscriptions.web;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.atrium.accounts.AccountId;
import io.atrium.accounts.Accounts;
import io.atrium.accounts.ProducerTimeZones;
import io.atrium.catalog.Catalog;
import io.atrium.catalog.ProductSummary;
import io.atrium.checkout.Purchase;
import io.atrium.checkout.RecurringChargeQuery;
import io.atrium.subscriptions.Subscription;

import org.springframework.stereotype.Component;

/**
 * What the compatible subscriptions API tells besides the subscriptions themselves,
 * looked up once per request: products' {@code ucode}, the producer's name and time zone,
 * first purchases, and the stable {@code ucode} of a subscriber (the same name-based UUID
 * of the account id the sales API gives).
 */
@Component
class SubscriptionFacts {

	private final Catalog catalog;

	private final Accounts accounts;

	private final ProducerTimeZones zones;

	private final RecurringChargeQuery charges;

	SubscriptionFacts(Catalog catalog, Accounts accounts, ProducerTimeZones zones, RecurringChargeQuery charges) {
		this.catalog = catalog;
		this.accounts = accounts;
		this.zones = zones;
		this.charges = charges;
	}

	/**
	 * @param producerAccountId the producer asking
	 * @return the lookups of one request
	 */
	Lookup forProducer(long producerAccountId) {
		return new Lookup(producerAccountId);
	}

	static String ucode(long accountId) {
		return UUID.nameUUIDFromBytes(("atrium-account:" + accountId).getBytes(StandardCharsets.UTF_8))
			.toString()
			.toUpperCase();
	}

	/** The lookups of one request, each made once. */
	final class Lookup {

		private final long producerAccountId;

		private final Map<Long, String> ucodes = new HashMap<>();

		private final Map<Long, Purchase> firstPurchases = new HashMap<>();

		private ZoneId zone;

		private String producerName;

		private Lookup(long producerAccountId) {
			this.producerAccountId = producerAccountId;
		}

		String productUcode(long productId) {
			return this.ucodes.computeIfAbsent(productId,
					(id) -> SubscriptionFacts.this.catalog.product(id)
						.map(ProductSummary::ucode)
						.map(UUID::toString)
						.orElse(null));
		}

		ZoneId zone() {
			if (this.zone == null) {
				this.zone = SubscriptionFacts.this.zones.of(this.producerAccountId);
			}
			return this.zone;
		}

		String producerName() {
			if (this.producerName == null) {
				this.producerName = SubscriptionFacts.this.accounts.find(new AccountId(this.producerAccountId))
					.map(Accounts.AccountSummary::name)
					.orElse("");
			}
			return this.producerName;
		}

		/** Loads the first purchases of these subscriptions in one read. */
		Lookup withFirstPurchases(Collection<Subscription> subscriptions) {
			var missing = subscriptions.stream()
				.map(Subscription::firstPurchaseId)
				.filter((id) -> !this.firstPurchases.containsKey(id))
				.collect(Collectors.toSet());
			SubscriptionFacts.this.charges.byIds(missing).forEach((p) -> this.firstPurchases.put(p.id(), p));
			return this;
		}

		/**
		 * @return the subscription's first purchase, when loaded
		 */
		Purchase firstPurchase(Subscription s) {
			return this.firstPurchases.get(s.firstPurchaseId());
		}

	}

}
