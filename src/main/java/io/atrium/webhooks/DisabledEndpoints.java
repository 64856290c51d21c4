package io.atrium.webhooks;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.atrium.accounts.AccountId;
import io.atrium.accounts.Accounts;
import io.atrium.notifications.Mailer;
import io.atrium.notifications.OutgoingMail;
import io.atrium.platform.BaseUrl;
import io.atrium.webhooks.internal.DeliveryRows;
import io.atrium.webhooks.internal.EndpointRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disables an endpoint: its pending deliveries become FAILED (a replay sends them once it
 * is enabled again) and, when Atrium disabled it (the receiver answered 410, or failed
 * for days), its producer gets an e-mail saying why, in the caller's transaction.
 */
@Component
class DisabledEndpoints {

	private static final Logger log = LoggerFactory.getLogger(DisabledEndpoints.class);

	static final String TEMPLATE = "webhooks/mail/endpoint-disabled";

	private final EndpointRows endpoints;

	private final DeliveryRows deliveries;

	private final Accounts accounts;

	private final Mailer mailer;

	private final BaseUrl baseUrl;

	DisabledEndpoints(EndpointRows endpoints, DeliveryRows deliveries, Accounts accounts, Mailer mailer,
			BaseUrl baseUrl) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.accounts = accounts;
		this.mailer = mailer;
		this.baseUrl = baseUrl;
	}

	/**
	 * @param endpoint the endpoint
	 * @param reason why
	 * @param now when
	 * @return whether it was active until now
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean disable(WebhookEndpoint endpoint, DisabledReason reason, Instant now) {
		if (!this.endpoints.disable(endpoint.id(), reason, now)) {
			return false;
		}
		this.deliveries.failPending(endpoint.id(), "endpoint disabled");
		log.info("Webhook endpoint {} of producer {} disabled: {}", endpoint.id(), endpoint.producerAccountId(),
				reason);
		if (reason != DisabledReason.PRODUCER) {
			this.accounts.find(new AccountId(endpoint.producerAccountId())).ifPresent((producer) -> {
				Map<String, Object> variables = new HashMap<>();
				variables.put("name", producer.name());
				variables.put("url", endpoint.url());
				variables.put("gone", reason == DisabledReason.GONE);
				variables.put("settingsUrl", this.baseUrl.link("/business/webhooks"));
				this.mailer.enqueue(new OutgoingMail(producer.email(), producer.locale(),
						"webhooks.mail.disabled.subject", List.of(endpoint.url()), TEMPLATE, variables));
			});
		}
		return true;
	}

}
