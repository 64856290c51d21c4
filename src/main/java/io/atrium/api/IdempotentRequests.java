package io.atrium.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.atrium.api.internal.ApiKeys;
import io.atrium.api.internal.IdempotencyKeys;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Makes a creating {@code POST} of Atrium's own API safe to retry with an
 * {@code Idempotency-Key} header (required on every POST that creates something).
 * <p>
 * The key is claimed first, in its own short transaction: a record {@code STARTED},
 * unique per producer, held by this request (an owner token) until a lease ends
 * ({@code atrium.api.idempotency-lease}, 60 s by default). Then the creation runs with
 * its own transactions ({@link #createWithOwnTransactions}), or in one transaction with
 * the storing of its response ({@link #create}). No connection is held across the claim,
 * so a request never needs two at once.
 * <ul>
 * <li>The same key with the same request (method, path and JSON body) after it completed
 * answers the stored response again with {@code Idempotent-Replayed: true} and creates
 * nothing; with a different request, 422 {@code idempotency_key_reused}.</li>
 * <li>While the first request holds its lease, a duplicate answers 409
 * {@code idempotency_key_in_use} with {@code Retry-After} (whole seconds until the lease
 * ends).</li>
 * <li>Once the lease ended (the first request's process died), a retry takes the record
 * over and runs the creation again: creations must therefore be idempotent themselves
 * (the checkout finds its purchase by the key and the gateway charges once per
 * purchase).</li>
 * <li>A creation that fails (an exception or a non-2xx answer) releases the key: the
 * request can be retried with it.</li>
 * </ul>
 * A missing or malformed key answers 400. Keys are kept at least 24 hours. Stored
 * responses are encrypted (they may carry a secret shown once).
 * <p>
 * Call it from a controller, outside any transaction: <pre>{@code
 * return idempotent.create(client, key, request, OrderResponse.class,
 *         () -> ResponseEntity.status(201).body(OrderResponse.of(orders.place(...))));
 * }</pre>
 */
@Service
public class IdempotentRequests {

	/** The request header carrying the key. */
	public static final String HEADER = "Idempotency-Key";

	/** The response header marking a replayed response. */
	public static final String REPLAYED_HEADER = "Idempotent-Replayed";

	private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);

	/**
	 * How long a duplicate waits for the request holding its key before answering 409.
	 */
	private static final Duration DUPLICATE_WAIT = Duration.ofSeconds(2);

	private final IdempotencyKeys keys;

	private final ApiKeys crypto;

	private final JsonMapper json;

	private final Duration lease;

	private final TransactionTemplate transaction;

	private final Clock clock;

	IdempotentRequests(IdempotencyKeys keys, ApiKeys crypto, JsonMapper json, PlatformTransactionManager transactions,
			@Value("${atrium.api.idempotency-lease:60s}") Duration lease, Clock clock) {
		this.transaction = new TransactionTemplate(transactions);
		this.keys = keys;
		this.crypto = crypto;
		this.json = json;
		this.lease = lease;
		this.clock = clock;
	}

	/**
	 * Runs a creation that is one local transaction at most once per idempotency key: the
	 * creation and its stored response commit together (a crash rolls both back, and a
	 * retry after the lease runs it again).
	 * @param <T> the response body type
	 * @param client the caller; keys are scoped to its producer
	 * @param idempotencyKey the {@code Idempotency-Key} header: 1 to 255 visible ASCII
	 * characters
	 * @param request the request body (its JSON is part of the request fingerprint), may
	 * be null
	 * @param responseType the response body type, to replay a stored response
	 * @param creation the work: runs inside the transaction that stores its response;
	 * throw to roll everything back. It must not need a second connection (no
	 * {@code REQUIRES_NEW}, no remote call)
	 * @return the new response, or the stored one replayed
	 * @throws ApiException 400 for a missing or malformed key, 422 for a key reused with
	 * a different request, 409 with {@code Retry-After} when a request with the key is
	 * still running after a duplicate waited two seconds for its answer
	 */
	public <T> ResponseEntity<T> create(ApiClient client, String idempotencyKey, Object request, Class<T> responseType,
			Supplier<ResponseEntity<T>> creation) {
		return run(client, idempotencyKey, request, responseType, creation, true);
	}

	/**
	 * Runs a creation that manages its own transactions (and may call out, like a
	 * checkout charging a card) at most once per idempotency key at a time; its response
	 * is stored after it in a short transaction of its own. No connection is held while
	 * it runs.
	 * @param <T> the response body type
	 * @param client the caller; keys are scoped to its producer
	 * @param idempotencyKey the {@code Idempotency-Key} header
	 * @param request the request body (part of the request fingerprint), may be null
	 * @param responseType the response body type, to replay a stored response
	 * @param creation the work, run outside any transaction; it must be safe to run again
	 * for the same key after a crash (a retry takes over once the lease ended)
	 * @return the new response, or the stored one replayed
	 * @throws ApiException as {@link #create}
	 */
	public <T> ResponseEntity<T> createWithOwnTransactions(ApiClient client, String idempotencyKey, Object request,
			Class<T> responseType, Supplier<ResponseEntity<T>> creation) {
		return run(client, idempotencyKey, request, responseType, creation, false);
	}

	private <T> ResponseEntity<T> run(ApiClient client, String idempotencyKey, Object request, Class<T> responseType,
			Supplier<ResponseEntity<T>> creation, boolean atomic) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("IdempotentRequests must run outside a transaction");
		}
		String key = validKey(idempotencyKey);
		long producer = client.producerAccountId();
		String fingerprint = fingerprint(request);
		String owner = UUID.randomUUID().toString();
		Optional<IdempotencyKeys.Stored> earlier = claim(producer, key, fingerprint, owner);
		if (earlier.isPresent()) {
			return replay(earlier.get(), responseType);
		}
		ResponseEntity<T> response;
		try {
			response = atomic ? this.transaction.execute((status) -> {
				ResponseEntity<T> created = creation.get();
				if (created.getStatusCode().is2xxSuccessful() && !complete(producer, key, owner, created)) {
					throw inUse(Duration.ofSeconds(1));
				}
				return created;
			}) : creation.get();
		}
		catch (RuntimeException | Error ex) {
			this.keys.release(producer, key, owner);
			throw ex;
		}
		if (!response.getStatusCode().is2xxSuccessful()) {
			this.keys.release(producer, key, owner);
		}
		else if (!atomic && !complete(producer, key, owner, response)) {
			log.warn("Idempotency-Key {} was taken over before its first request finished", key);
		}
		return response;
	}

	private boolean complete(long producer, String key, String owner, ResponseEntity<?> response) {
		return this.keys.complete(producer, key, owner, response.getStatusCode().value(),
				this.crypto.seal(envelope(response)));
	}

	/**
	 * @return empty when this owner holds the key now, or the completed record to replay
	 */
	private Optional<IdempotencyKeys.Stored> claim(long producer, String key, String fingerprint, String owner) {
		for (int attempt = 0; attempt < 5; attempt++) {
			Instant now = this.clock.instant();
			Optional<IdempotencyKeys.Stored> found = this.keys.find(producer, key);
			if (found.isEmpty()) {
				try {
					this.keys.claim(producer, key, fingerprint, owner, now.plus(this.lease), now);
					return Optional.empty();
				}
				catch (DuplicateKeyException ex) {
					continue;
				}
			}
			IdempotencyKeys.Stored stored = found.get();
			if (!stored.requestHash().equals(fingerprint)) {
				throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency_key_reused",
						"This Idempotency-Key was already used with a different request; use a new key for a new request.");
			}
			if (stored.completed()) {
				return found;
			}
			if (stored.lockedUntil().isAfter(now)) {
				Optional<IdempotencyKeys.Stored> finished = awaitFirst(producer, key, stored.ownerToken());
				if (finished.isPresent()) {
					return finished;
				}
				continue;
			}
			if (this.keys.takeOver(producer, key, stored.ownerToken(), owner, now.plus(this.lease), now)) {
				log.info("Idempotency-Key {}: the first request's lease ended; this retry completes it", key);
				return Optional.empty();
			}
		}
		throw inUse(Duration.ofSeconds(1));
	}

	/**
	 * Waits a little, holding no connection between looks, for the request that holds the
	 * key: most finish in milliseconds, and its answer is then replayed.
	 * @return the completed record, or empty when the key changed hands or was released
	 * (look again)
	 * @throws ApiException 409 with {@code Retry-After} when it is still running
	 */
	private Optional<IdempotencyKeys.Stored> awaitFirst(long producer, String key, String holder) {
		long deadline = System.nanoTime() + DUPLICATE_WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
			Optional<IdempotencyKeys.Stored> now = this.keys.find(producer, key);
			if (now.isEmpty() || !holder.equals(now.get().ownerToken())) {
				return Optional.empty();
			}
			if (now.get().completed()) {
				return now;
			}
			if (!now.get().lockedUntil().isAfter(this.clock.instant())) {
				return Optional.empty();
			}
		}
		throw inUse(Duration.ofSeconds(1));
	}

	private static ApiException inUse(Duration wait) {
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		return ApiException.retryAfter(HttpStatus.CONFLICT, "idempotency_key_in_use",
				"A request with this Idempotency-Key is still being processed; retry in " + seconds + " s.", seconds);
	}

	private <T> ResponseEntity<T> replay(IdempotencyKeys.Stored stored, Class<T> responseType) {
		JsonNode envelope = this.json.readTree(this.crypto.open(stored.sealedResponse()));
		HttpHeaders headers = new HttpHeaders();
		envelope.path("headers")
			.properties()
			.forEach((header) -> header.getValue().forEach((value) -> headers.add(header.getKey(), value.asString())));
		headers.set(REPLAYED_HEADER, "true");
		JsonNode body = envelope.path("body");
		T value = (body.isMissingNode() || body.isNull()) ? null : this.json.treeToValue(body, responseType);
		return ResponseEntity.status(stored.responseStatus()).headers(headers).body(value);
	}

	private byte[] envelope(ResponseEntity<?> response) {
		Map<String, Object> envelope = new LinkedHashMap<>();
		Map<String, List<String>> headers = new LinkedHashMap<>();
		response.getHeaders().forEach(headers::put);
		envelope.put("headers", headers);
		envelope.put("body", response.getBody());
		return this.json.writeValueAsBytes(envelope);
	}

	private String fingerprint(Object request) {
		String target = "";
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest http = attributes.getRequest();
			target = http.getMethod() + " " + http.getRequestURI();
		}
		String body = (request != null) ? this.json.writeValueAsString(request) : "";
		return ApiKeys.sha256Hex(target + "\n" + body);
	}

	private static String validKey(String key) {
		if (key == null || key.isEmpty()) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "idempotency_key_missing",
					"The Idempotency-Key header is required on this request: send a unique value, such as a UUID, "
							+ "and the same value when you retry.");
		}
		if (key.length() > 255 || !key.chars().allMatch((c) -> c >= 0x21 && c <= 0x7e)) {
			throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_value_headers",
					"The Idempotency-Key header must be 1 to 255 visible ASCII characters.");
		}
		return key;
	}

}
