package io.atrium.webhooks.web;

import io.atrium.webhooks.WebhookRefused;

/**
 * A refusal as a page shows it: a message key in the reader's language, the field to
 * mark, and, where the core's message names specifics (the address a host resolves to,
 * the scheme required), that message as the detail.
 *
 * @param field the form field at fault ({@code url}, {@code description}, {@code events},
 * {@code products}), or null
 * @param key the message key
 * @param detail the core's own message, or null
 */
record PageProblem(String field, String key, String detail) {

	static PageProblem of(WebhookRefused refused) {
		String field = refused.field();
		return switch (refused.reason()) {
			case ADDRESS_NOT_ALLOWED -> new PageProblem("url", "webhooks.page.refused.address", refused.getMessage());
			case TOO_MANY_ENDPOINTS -> new PageProblem(null, "webhooks.page.refused.too-many", refused.getMessage());
			case NOT_FOUND -> new PageProblem(null, "webhooks.page.refused.not-found", null);
			case INVALID -> (field == null) ? new PageProblem(null, "webhooks.page.refused.other", refused.getMessage())
					: switch (field) {
						case "url" -> new PageProblem("url", "webhooks.page.refused.url", refused.getMessage());
						case "description" -> new PageProblem("description", "webhooks.page.refused.description", null);
						case "events" -> new PageProblem("events", "webhooks.page.refused.events", null);
						case "product_ids" -> new PageProblem("products", "webhooks.page.refused.products", null);
						default -> new PageProblem(null, "webhooks.page.refused.other", refused.getMessage());
					};
		};
	}

	static PageProblem of(String key) {
		return new PageProblem(null, key, null);
	}

	public boolean on(String name) {
		return name.equals(this.field);
	}

}
