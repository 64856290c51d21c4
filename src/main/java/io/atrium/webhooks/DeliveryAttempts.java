package io.atrium.webhooks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import javax.net.ssl.SSLSocketFactory;

import io.atrium.webhooks.internal.DeliveryRows;
import io.atrium.webhooks.internal.EndpointRows;
import io.atrium.webhooks.internal.HottokRows;
import io.atrium.webhooks.internal.SecretSeal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One attempt of one claimed delivery: reads it (a short transaction), checks the URL's
 * addresses again, posts outside any transaction, then records the attempt and the
 * outcome (another short transaction): 2xx is delivered; anything else is retried on
 * {@link RetrySchedule} or given up; 410 disables the endpoint; an endpoint whose every
 * attempt failed for {@code atrium.webhooks.disable-after} is disabled, and its producer
 * told by e-mail.
 */
@Component
class DeliveryAttempts {

	private final DeliveryRows deliveries;

	private final EndpointRows endpoints;

	private final HottokRows hottoks;

	private final SecretSeal seal;

	private final DisabledEndpoints disabled;

	private final WebhookSettings settings;

	private final AddressGuard guard;

	private final WebhookPost post;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DeliveryAttempts(DeliveryRows deliveries, EndpointRows endpoints, HottokRows hottoks, SecretSeal seal,
			DisabledEndpoints disabled, WebhookSettings settings, PlatformTransactionManager transactions,
			Clock clock) {
		this.deliveries = deliveries;
		this.endpoints = endpoints;
		this.hottoks = hottoks;
		this.seal = seal;
		this.disabled = disabled;
		this.settings = settings;
		this.guard = new AddressGuard(settings.allowPrivateAddresses(), settings.allowHttp());
		this.post = new WebhookPost((SSLSocketFactory) SSLSocketFactory.getDefault(), settings.connectTimeout(),
				settings.readTimeout(), settings.responseBytes());
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	private record Target(WebhookDelivery delivery, WebhookEndpoint endpoint, List<String> secrets, String hottok) {
	}

	private record Outcome(Integer status, Duration retryAfter, String body, String error) {

		boolean delivered() {
			return this.status != null && this.status >= 200 && this.status < 300;
		}

	}

	/**
	 * Makes the attempt of a delivery this owner claimed.
	 * @param deliveryId the delivery
	 * @param owner the claim's owner
	 */
	void attempt(long deliveryId, String owner) {
		Optional<Target> target = this.transaction.execute((status) -> load(deliveryId));
		if (target.isEmpty()) {
			this.deliveries.release(deliveryId, owner);
			return;
		}
		Instant started = this.clock.instant();
		long t0 = System.nanoTime();
		Outcome outcome = send(target.get(), started);
		long latency = Duration.ofNanos(System.nanoTime() - t0).toMillis();
		this.transaction.executeWithoutResult((status) -> record(target.get(), owner, outcome, started, latency));
	}

	private Optional<Target> load(long deliveryId) {
		Instant now = this.clock.instant();
		return this.deliveries.find(deliveryId)
			.flatMap((d) -> this.endpoints.findAny(d.endpointId())
				.filter((e) -> !e.deleted() && e.endpoint().status() == EndpointStatus.ACTIVE)
				.map((e) -> {
					List<String> secrets = new ArrayList<>();
					secrets.add(this.seal.open(e.secretSealed()));
					Instant previousUntil = e.endpoint().previousSecretExpiresAt();
					if (e.previousSecretSealed() != null && previousUntil != null && previousUntil.isAfter(now)) {
						secrets.add(this.seal.open(e.previousSecretSealed()));
					}
					String hottok = this.hottoks.find(e.endpoint().producerAccountId()).map(this.seal::open).orElse("");
					return new Target(d, e.endpoint(), secrets, hottok);
				}));
	}

	private Outcome send(Target target, Instant now) {
		try {
			URI uri = this.guard.parse(target.endpoint().url());
			List<InetAddress> addresses = this.guard.resolve(uri);
			WebhookDelivery d = target.delivery();
			long timestamp = now.getEpochSecond();
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("Content-Type", "application/json");
			headers.put("User-Agent", "Atrium-Webhooks/1.0");
			headers.put("X-HOTMART-HOTTOK", target.hottok());
			headers.put("webhook-id", d.eventId());
			headers.put("webhook-timestamp", Long.toString(timestamp));
			headers.put("webhook-signature",
					WebhookSignatures.sign(target.secrets(), d.eventId(), timestamp, d.payload()));
			WebhookPost.Answer answer = this.post.post(uri, addresses, headers,
					d.payload().getBytes(StandardCharsets.UTF_8));
			return new Outcome(answer.status(),
					RetrySchedule.retryAfter(answer.headers().get("retry-after"), now).orElse(null), answer.body(),
					null);
		}
		catch (WebhookRefused ex) {
			return new Outcome(null, null, null, ex.getMessage());
		}
		catch (IOException ex) {
			return new Outcome(null, null, null, describe(ex));
		}
	}

	private static String describe(IOException ex) {
		String text = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
		return (text.length() > 500) ? text.substring(0, 500) : text;
	}

	private void record(Target target, String owner, Outcome outcome, Instant started, long latency) {
		WebhookDelivery d = target.delivery();
		long endpointId = target.endpoint().id();
		Instant now = this.clock.instant();
		this.deliveries.insertAttempt(d.id(), target.endpoint().producerAccountId(), started, outcome.status(), latency,
				outcome.body(), outcome.error());
		int attempts = d.attempts() + 1;
		if (outcome.delivered()) {
			this.deliveries.finish(d.id(), owner, DeliveryStatus.DELIVERED, attempts, null, outcome.status(), null,
					started);
			this.endpoints.succeeded(endpointId);
			return;
		}
		Optional<Instant> next = (outcome.status() != null && outcome.status() == 410) ? Optional.empty()
				: RetrySchedule.next(attempts, outcome.retryAfter(), now, ThreadLocalRandom.current()::nextDouble);
		this.deliveries.finish(d.id(), owner, next.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED,
				attempts, next.orElse(null), outcome.status(), outcome.error(), started);
		Instant failingSince = this.endpoints.failed(endpointId, now);
		if (outcome.status() != null && outcome.status() == 410) {
			this.disabled.disable(target.endpoint(), DisabledReason.GONE, now);
		}
		else if (!failingSince.plus(this.settings.disableAfter()).isAfter(now)) {
			this.disabled.disable(target.endpoint(), DisabledReason.FAILING, now);
		}
	}

}
