package io.atrium.webhooks;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import io.atrium.catalog.Catalog;
import io.atrium.webhooks.internal.DeliveryRows;
import io.atrium.webhooks.internal.EndpointRows;
import io.atrium.webhooks.internal.HottokRows;
import io.atrium.webhooks.internal.SecretSeal;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a producer does with webhooks, from the pages or the API: endpoints (create,
 * change, enable, disable, delete, rotate the signing secret), the hottok, the delivery
 * log, resends, replays and test events. Every method takes the producer asking and only
 * ever sees that producer's data; anything else is
 * {@link WebhookRefused.Reason#NOT_FOUND}. URLs are checked (and resolved) outside any
 * transaction; every method manages its own.
 */
@Service
public class Webhooks {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final EndpointRows endpoints;

	private final DeliveryRows deliveries;

	private final HottokRows hottoks;

	private final SecretSeal seal;

	private final DisabledEndpoints disabled;

	private final Catalog catalog;

	private final WebhookSettings settings;

	private final AddressGuard guard;

	private final TransactionTemplate transaction;

	private final Clock clock;

	Webhooks(EndpointRows endpoints, DeliveryRows deliveries, HottokRows hottoks, SecretSeal seal,
			DisabledEndpoints disabled, Catalog catalog, WebhookSettings settings,
			PlatformTransactionManager transactions, Clock clock) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.hottoks = hottoks;
		this.seal = seal;
		this.disabled = disabled;
		this.catalog = catalog;
		this.settings = settings;
		this.guard = new AddressGuard(settings.allowPrivateAddresses(), settings.allowHttp());
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * @param producer the producer asking
	 * @return their endpoints, oldest first
	 */
	public List<WebhookEndpoint> endpoints(long producer) {
		return this.endpoints.ofProducer(producer).stream().map(EndpointRows.Stored::endpoint).toList();
	}

	/**
	 * @param producer the producer asking
	 * @param id an endpoint
	 * @return it
	 * @throws WebhookRefused NOT_FOUND
	 */
	public WebhookEndpoint endpoint(long producer, long id) {
		return stored(producer, id).endpoint();
	}

	/**
	 * Creates an endpoint (and the producer's hottok, on their first endpoint).
	 * @param producer the producer asking
	 * @param input what the endpoint receives and where
	 * @return the endpoint with its signing secret, shown this once
	 * @throws WebhookRefused INVALID, ADDRESS_NOT_ALLOWED or TOO_MANY_ENDPOINTS
	 */
	public CreatedEndpoint create(long producer, EndpointSettings input) {
		EndpointSettings valid = validate(producer, input);
		String secret = WebhookSignatures.newSecret();
		return this.transaction.execute((status) -> {
			if (this.endpoints.ofProducer(producer).size() >= this.settings.maxEndpoints()) {
				throw new WebhookRefused(WebhookRefused.Reason.TOO_MANY_ENDPOINTS, null,
						"A producer may have at most " + this.settings.maxEndpoints() + " webhook endpoints.");
			}
			Instant now = this.clock.instant();
			this.hottoks.insertIfAbsent(producer, this.seal.seal(newHottok()), now);
			long id = this.endpoints.insert(producer, valid.url(), valid.description(), valid.events(),
					valid.productIds(), this.seal.seal(secret), now);
			return new CreatedEndpoint(this.endpoints.find(producer, id).orElseThrow().endpoint(), secret);
		});
	}

	/**
	 * Changes an endpoint's URL, description, events and products (its secret and status
	 * stay).
	 * @throws WebhookRefused NOT_FOUND, INVALID or ADDRESS_NOT_ALLOWED
	 */
	public WebhookEndpoint update(long producer, long id, EndpointSettings input) {
		stored(producer, id);
		EndpointSettings valid = validate(producer, input);
		return this.transaction.execute((status) -> {
			stored(producer, id);
			this.endpoints.update(id, valid.url(), valid.description(), valid.events(), valid.productIds(),
					this.clock.instant());
			return stored(producer, id).endpoint();
		});
	}

	/**
	 * Enables an endpoint again; what failed meanwhile is sent by {@link #replay}.
	 * @throws WebhookRefused NOT_FOUND, or ADDRESS_NOT_ALLOWED when its URL now resolves
	 * to a private address
	 */
	public WebhookEndpoint enable(long producer, long id) {
		this.guard.resolve(this.guard.parse(stored(producer, id).endpoint().url()));
		return this.transaction.execute((status) -> {
			stored(producer, id);
			this.endpoints.enable(id, this.clock.instant());
			return stored(producer, id).endpoint();
		});
	}

	/**
	 * Disables an endpoint: nothing more is posted to it; its pending deliveries become
	 * FAILED.
	 * @throws WebhookRefused NOT_FOUND
	 */
	public WebhookEndpoint disable(long producer, long id) {
		return this.transaction.execute((status) -> {
			WebhookEndpoint endpoint = stored(producer, id).endpoint();
			this.disabled.disable(endpoint, DisabledReason.PRODUCER, this.clock.instant());
			return stored(producer, id).endpoint();
		});
	}

	/**
	 * Deletes an endpoint; its log stays until it is purged.
	 * @throws WebhookRefused NOT_FOUND
	 */
	public void delete(long producer, long id) {
		this.transaction.executeWithoutResult((status) -> {
			WebhookEndpoint endpoint = stored(producer, id).endpoint();
			Instant now = this.clock.instant();
			this.disabled.disable(endpoint, DisabledReason.PRODUCER, now);
			this.endpoints.delete(id, now);
		});
	}

	/**
	 * Gives an endpoint a new signing secret. The old one keeps signing too for
	 * {@code atrium.webhooks.previous-secret-validity} (24 h): both signatures are sent,
	 * so a receiver can switch at its own pace.
	 * @return the endpoint with its new secret, shown this once
	 * @throws WebhookRefused NOT_FOUND
	 */
	public CreatedEndpoint rotateSecret(long producer, long id) {
		String secret = WebhookSignatures.newSecret();
		return this.transaction.execute((status) -> {
			EndpointRows.Stored stored = stored(producer, id);
			Instant now = this.clock.instant();
			this.endpoints.rotate(id, this.seal.seal(secret), stored.secretSealed(),
					now.plus(this.settings.previousSecretValidity()), now);
			return new CreatedEndpoint(stored(producer, id).endpoint(), secret);
		});
	}

	/**
	 * @param producer the producer asking
	 * @return their hottok (the {@code X-HOTMART-HOTTOK} header), made on first use
	 */
	public String hottok(long producer) {
		return this.transaction.execute((status) -> {
			this.hottoks.insertIfAbsent(producer, this.seal.seal(newHottok()), this.clock.instant());
			return this.seal.open(this.hottoks.find(producer).orElseThrow());
		});
	}

	/**
	 * Replaces the producer's hottok: every webhook from now on carries the new one.
	 * @return the new hottok
	 */
	public String regenerateHottok(long producer) {
		String hottok = newHottok();
		this.transaction.executeWithoutResult(
				(status) -> this.hottoks.replace(producer, this.seal.seal(hottok), this.clock.instant()));
		return hottok;
	}

	/**
	 * @param producer the producer asking
	 * @param filter which deliveries
	 * @param beforeId only deliveries older than this one (a cursor), or null
	 * @param limit how many at most
	 * @return the producer's deliveries, newest first
	 */
	public List<WebhookDelivery> deliveries(long producer, DeliveryFilter filter, Long beforeId, int limit) {
		return this.deliveries.page(producer, (filter != null) ? filter : DeliveryFilter.ALL, beforeId, limit);
	}

	/**
	 * @throws WebhookRefused NOT_FOUND
	 */
	public WebhookDelivery delivery(long producer, long id) {
		return this.deliveries.find(producer, id)
			.orElseThrow(() -> new WebhookRefused(WebhookRefused.Reason.NOT_FOUND, null, "No delivery " + id + "."));
	}

	/**
	 * @return the delivery's attempts, oldest first
	 * @throws WebhookRefused NOT_FOUND
	 */
	public List<DeliveryAttempt> attempts(long producer, long deliveryId) {
		delivery(producer, deliveryId);
		return this.deliveries.attempts(deliveryId);
	}

	/**
	 * Sends deliveries again, with the same event ids, from the start of the retry
	 * schedule (whatever their status; those being posted right now, and those of a
	 * deleted endpoint, are left alone).
	 * @param producer the producer asking
	 * @param ids deliveries of the producer (others are ignored)
	 * @return how many were scheduled
	 */
	public int resend(long producer, Collection<Long> ids) {
		return this.transaction
			.execute((status) -> this.deliveries.resend(producer, Set.copyOf(ids), this.clock.instant()));
	}

	/**
	 * Sends again every FAILED delivery of an endpoint made since a time (after an
	 * outage; enable the endpoint first).
	 * @return how many were scheduled
	 * @throws WebhookRefused NOT_FOUND
	 */
	public int replay(long producer, long endpointId, Instant since) {
		return this.transaction.execute((status) -> {
			stored(producer, endpointId);
			return this.deliveries.replay(producer, endpointId, since, this.clock.instant());
		});
	}

	/**
	 * Sends a test event to one endpoint: a sample body of the event's shape with made-up
	 * data, signed like any other, logged as a test.
	 * @param event the event to imitate
	 * @return the delivery
	 * @throws WebhookRefused NOT_FOUND
	 */
	public WebhookDelivery sendTest(long producer, long endpointId, WebhookEvent event) {
		return this.transaction.execute((status) -> {
			WebhookEndpoint endpoint = stored(producer, endpointId).endpoint();
			Instant now = this.clock.instant();
			String id = EventIds.test();
			String payload = WebhookJson.write(TestPayloads.envelope(id, now, event));
			boolean active = endpoint.status() == EndpointStatus.ACTIVE;
			long deliveryId = this.deliveries.insert(new DeliveryRows.NewDelivery(id, endpointId, producer, event,
					TestPayloads.TRANSACTION, payload, true, active ? DeliveryStatus.PENDING : DeliveryStatus.FAILED,
					active ? null : "endpoint disabled", now));
			return this.deliveries.find(deliveryId).orElseThrow();
		});
	}

	private EndpointRows.Stored stored(long producer, long id) {
		return this.endpoints.find(producer, id)
			.orElseThrow(() -> new WebhookRefused(WebhookRefused.Reason.NOT_FOUND, null, "No endpoint " + id + "."));
	}

	private EndpointSettings validate(long producer, EndpointSettings input) {
		if (input == null) {
			throw new WebhookRefused(WebhookRefused.Reason.INVALID, null, "The endpoint is required.");
		}
		String url = this.guard.parse(input.url()).toString();
		this.guard.resolve(this.guard.parse(url));
		String description = (input.description() != null && !input.description().isBlank())
				? input.description().strip() : null;
		if (description != null && description.length() > 200) {
			throw new WebhookRefused(WebhookRefused.Reason.INVALID, "description",
					"The description is longer than 200 characters.");
		}
		if (input.events() == null || input.events().isEmpty()) {
			throw new WebhookRefused(WebhookRefused.Reason.INVALID, "events", "Choose at least one event.");
		}
		Set<Long> products = (input.productIds() != null) ? Set.copyOf(input.productIds()) : Set.of();
		for (Long productId : products) {
			boolean own = productId != null
					&& this.catalog.product(productId).filter((p) -> p.producerAccountId() == producer).isPresent();
			if (!own) {
				throw new WebhookRefused(WebhookRefused.Reason.INVALID, "product_ids",
						"No product " + productId + " of yours.");
			}
		}
		return new EndpointSettings(url, description, Set.copyOf(input.events()), products);
	}

	private static String newHottok() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
