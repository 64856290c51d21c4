package io.atrium.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A producer's own members area as a test sees it: it stands behind a {@link Receiver},
 * refuses any webhook whose Standard Webhooks signature (checked by
 * {@link StandardWebhooksCheck}, written without Atrium's code) or hottok is wrong, and
 * grants and revokes access as docs/external-members-area.md says, once per event id. One
 * grant per subscription (by subscriber code) or per purchase (by transaction).
 */
final class ExternalMembersArea {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** How long access lasts after a refused renewal: Atrium's default retry window. */
	static final Duration GRACE = Duration.ofDays(10);

	/**
	 * Someone's access to a product.
	 *
	 * @param email the buyer's e-mail
	 * @param productId the product
	 * @param transaction the purchase that last changed it
	 * @param subscriberCode the subscription's code, or null
	 * @param state active, delayed (a renewal unpaid, retries running) or revoked
	 * @param accessUntil when access ends (epoch ms), or null for no end
	 * @param changedAt the creation date of the last event applied
	 */
	record Grant(String email, long productId, String transaction, String subscriberCode, String state,
			Long accessUntil, long changedAt) {

		boolean allows(Instant at) {
			return (this.state.equals("active") || this.state.equals("delayed"))
					&& (this.accessUntil == null || at.toEpochMilli() < this.accessUntil);
		}

	}

	private final String secret;

	private final String hottok;

	private final Clock clock;

	private final Set<String> processed = ConcurrentHashMap.newKeySet();

	private final Map<String, Grant> grants = new ConcurrentHashMap<>();

	private final List<String> events = new CopyOnWriteArrayList<>();

	private final AtomicInteger duplicates = new AtomicInteger();

	private final AtomicInteger refused = new AtomicInteger();

	/**
	 * @param clock the members area's time, which its signature check compares with
	 * {@code webhook-timestamp} (the test clock when a test moves Atrium's)
	 */
	ExternalMembersArea(String secret, String hottok, Clock clock) {
		this.secret = secret;
		this.hottok = hottok;
		this.clock = clock;
	}

	/** Answers a webhook: 401 when it is not Atrium's, 200 otherwise. */
	synchronized Receiver.Reply receive(Receiver.Request request) {
		if (!this.hottok.equals(request.header("x-hotmart-hottok"))
				|| !StandardWebhooksCheck.verifies(this.secret, request, this.clock.instant())) {
			this.refused.incrementAndGet();
			return Receiver.Reply.status(401);
		}
		JsonNode envelope = JSON.readTree(request.body());
		if (!this.processed.add(envelope.path("id").asString())) {
			this.duplicates.incrementAndGet();
			return Receiver.Reply.status(200);
		}
		this.events.add(envelope.path("event").asString());
		apply(envelope.path("event").asString(), envelope.path("data"), envelope.path("creation_date").asLong());
		return Receiver.Reply.status(200);
	}

	private void apply(String event, JsonNode data, long at) {
		if (event.equals("SUBSCRIPTION_CANCELLATION")) {
			JsonNode subscriber = data.path("subscriber");
			String key = "sub:" + subscriber.path("code").asString();
			Grant current = this.grants.get(key);
			if (current != null && !current.state().equals("active")) {
				put(key, at, "revoked", at, current.email(), current.productId(), null, current.subscriberCode());
			}
			else {
				put(key, at, "active", data.path("date_next_charge").asLong(), subscriber.path("email").asString(),
						data.path("product").path("id").asLong(), null, subscriber.path("code").asString());
			}
			return;
		}
		if (!event.startsWith("PURCHASE_")) {
			return;
		}
		String transaction = data.path("purchase").path("transaction").asString();
		String subscriber = text(data.path("subscription").path("subscriber").path("code"));
		String key = (subscriber != null) ? "sub:" + subscriber : "tx:" + transaction;
		String email = data.path("buyer").path("email").asString();
		long product = data.path("product").path("id").asLong();
		switch (event) {
			case "PURCHASE_APPROVED", "PURCHASE_COMPLETE" ->
				put(key, at, "active", null, email, product, transaction, subscriber);
			case "PURCHASE_REFUNDED", "PURCHASE_CHARGEBACK", "PURCHASE_CANCELED" ->
				put(key, at, "revoked", at, email, product, transaction, subscriber);
			case "PURCHASE_DELAYED" ->
				put(key, at, "delayed", at + GRACE.toMillis(), email, product, transaction, subscriber);
			default -> {
			}
		}
	}

	private void put(String key, long at, String state, Long until, String email, long product, String transaction,
			String subscriber) {
		Grant current = this.grants.get(key);
		if (current != null && current.changedAt() > at) {
			return;
		}
		this.grants.put(key,
				new Grant(email, product,
						(transaction != null) ? transaction : (current != null) ? current.transaction() : null,
						subscriber, state, until, at));
	}

	private static String text(JsonNode node) {
		return (node.isMissingNode() || node.isNull()) ? null : node.asString();
	}

	/**
	 * @return whether the member may open the product at that moment
	 */
	boolean allows(String email, long productId, Instant at) {
		return this.grants.values()
			.stream()
			.anyMatch((g) -> g.email().equalsIgnoreCase(email) && g.productId() == productId && g.allows(at));
	}

	Optional<Grant> grant(String email, long productId) {
		return this.grants.values()
			.stream()
			.filter((g) -> g.email().equalsIgnoreCase(email) && g.productId() == productId)
			.findFirst();
	}

	/** The events applied, in the order they arrived (duplicates not repeated). */
	List<String> events() {
		return List.copyOf(this.events);
	}

	int duplicates() {
		return this.duplicates.get();
	}

	int refused() {
		return this.refused.get();
	}

}
