package io.atrium.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.atrium.api.internal.ApiKeys;
import io.atrium.api.internal.IdempotencyKeys;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
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
 * The creation and the stored response commit in one transaction, under a key unique per
 * producer. Replaying the same key with the same request (method, path and JSON body)
 * answers the stored response again with {@code Idempotent-Replayed: true} and creates
 * nothing; the same key with a different request answers 422
 * {@code idempotency_key_reused}; a missing or malformed key answers 400. A concurrent
 * duplicate waits on the unique index until the first commits, then replays its response.
 * Only successful creations are stored: a request that fails can be retried with the same
 * key. Keys are kept at least 24 hours. Stored responses are encrypted (they may carry a
 * secret shown once).
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

	private static final Duration CONCURRENT_WAIT = Duration.ofSeconds(10);

	private final IdempotencyKeys keys;

	private final ApiKeys crypto;

	private final JsonMapper json;

	private final TransactionTemplate transaction;

	private final Clock clock;

	IdempotentRequests(IdempotencyKeys keys, ApiKeys crypto, JsonMapper json, PlatformTransactionManager transactions,
			Clock clock) {
		this.keys = keys;
		this.crypto = crypto;
		this.json = json;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * Runs a creation at most once per idempotency key.
	 * @param <T> the response body type
	 * @param client the caller; keys are scoped to its producer
	 * @param idempotencyKey the {@code Idempotency-Key} header: 1 to 255 visible ASCII
	 * characters
	 * @param request the request body (its JSON is part of the request fingerprint), may
	 * be null
	 * @param responseType the response body type, to replay a stored response
	 * @param creation the work: runs inside the transaction that stores its response;
	 * throw to roll everything back
	 * @return the new response, or the stored one replayed
	 * @throws ApiException 400 for a missing or malformed key, 422 for a key reused with
	 * a different request, 409 when a concurrent request with the key is still running
	 */
	public <T> ResponseEntity<T> create(ApiClient client, String idempotencyKey, Object request, Class<T> responseType,
			Supplier<ResponseEntity<T>> creation) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("IdempotentRequests must run outside a transaction");
		}
		String key = validKey(idempotencyKey);
		long producer = client.producerAccountId();
		String fingerprint = fingerprint(request);
		Optional<IdempotencyKeys.Stored> earlier = this.keys.find(producer, key);
		if (earlier.isPresent()) {
			return replay(earlier.get(), fingerprint, responseType);
		}
		try {
			return this.transaction.execute((status) -> {
				ResponseEntity<T> response = creation.get();
				this.keys.insert(producer, key, new IdempotencyKeys.Stored(fingerprint,
						response.getStatusCode().value(), this.crypto.seal(envelope(response))), this.clock.instant());
				return response;
			});
		}
		catch (DataIntegrityViolationException | PessimisticLockingFailureException | QueryTimeoutException ex) {
			log.debug("Concurrent request with Idempotency-Key {}; replaying the first", key, ex);
			return replay(awaitStored(producer, key), fingerprint, responseType);
		}
	}

	private IdempotencyKeys.Stored awaitStored(long producer, String key) {
		Instant deadline = Instant.now().plus(CONCURRENT_WAIT);
		do {
			Optional<IdempotencyKeys.Stored> stored = this.keys.find(producer, key);
			if (stored.isPresent()) {
				return stored.get();
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		while (Instant.now().isBefore(deadline));
		throw new ApiException(HttpStatus.CONFLICT, "idempotency_key_in_use",
				"A request with this Idempotency-Key is still being processed; retry later.");
	}

	private <T> ResponseEntity<T> replay(IdempotencyKeys.Stored stored, String fingerprint, Class<T> responseType) {
		if (!stored.requestHash().equals(fingerprint)) {
			throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency_key_reused",
					"This Idempotency-Key was already used with a different request; use a new key for a new request.");
		}
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
