package io.atrium.webhooks.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.atrium.webhooks.EndpointSettings;
import io.atrium.webhooks.WebhookEndpoint;
import io.atrium.webhooks.WebhookEvent;
import io.atrium.webhooks.WebhookRefused;

/**
 * The endpoint form of the webhook pages, as typed: every field a string, so binding
 * never fails; {@link #settings()} reads it.
 *
 * @param url the endpoint's URL
 * @param description the producer's note
 * @param events the names of the events ticked
 * @param scope {@value #ALL} products, or {@value #CHOSEN} ones
 * @param products the ids of the products ticked
 */
record EndpointForm(String url, String description, List<String> events, String scope, List<String> products) {

	static final String ALL = "all";

	static final String CHOSEN = "chosen";

	/** The most products one form may carry. */
	static final int MAX_PRODUCTS = 500;

	static EndpointForm blank() {
		return new EndpointForm("", "", List.of(WebhookEvent.PURCHASE_APPROVED.name()), ALL, List.of());
	}

	static EndpointForm of(WebhookEndpoint endpoint) {
		return new EndpointForm(endpoint.url(), (endpoint.description() != null) ? endpoint.description() : "",
				endpoint.events().stream().map(Enum::name).toList(), endpoint.productIds().isEmpty() ? ALL : CHOSEN,
				endpoint.productIds().stream().map(String::valueOf).toList());
	}

	public boolean allProducts() {
		return !CHOSEN.equals(this.scope);
	}

	public boolean wants(String event) {
		return this.events != null && this.events.contains(event);
	}

	public boolean has(long productId) {
		return this.products != null && this.products.contains(String.valueOf(productId));
	}

	/**
	 * @return what the form states, for {@link io.atrium.webhooks.Webhooks}
	 * @throws WebhookRefused INVALID when an event is unknown or "only these products"
	 * has none ticked (or a value that is no id)
	 */
	EndpointSettings settings() {
		Set<WebhookEvent> wanted = EnumSet.noneOf(WebhookEvent.class);
		for (String name : (this.events != null) ? this.events : List.<String>of()) {
			try {
				wanted.add(WebhookEvent.valueOf(name.strip().toUpperCase(Locale.ROOT)));
			}
			catch (IllegalArgumentException ex) {
				throw new WebhookRefused(WebhookRefused.Reason.INVALID, "events", "Unknown event " + name + ".");
			}
		}
		Set<Long> productIds = new LinkedHashSet<>();
		if (!allProducts()) {
			List<String> ticked = (this.products != null) ? this.products : List.of();
			if (ticked.isEmpty() || ticked.size() > MAX_PRODUCTS) {
				throw new WebhookRefused(WebhookRefused.Reason.INVALID, "product_ids", "Choose at least one product.");
			}
			for (String id : ticked) {
				try {
					productIds.add(Long.parseLong(id.strip()));
				}
				catch (NumberFormatException ex) {
					throw new WebhookRefused(WebhookRefused.Reason.INVALID, "product_ids", "No product " + id + ".");
				}
			}
		}
		return new EndpointSettings(this.url, this.description, wanted, productIds);
	}

	/**
	 * @return the form as typed, without a null list
	 */
	EndpointForm orEmpty() {
		return new EndpointForm((this.url != null) ? this.url : "", (this.description != null) ? this.description : "",
				(this.events != null) ? this.events : new ArrayList<>(), (this.scope != null) ? this.scope : ALL,
				(this.products != null) ? this.products : new ArrayList<>());
	}

}
