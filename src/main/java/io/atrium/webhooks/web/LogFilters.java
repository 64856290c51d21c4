package io.atrium.webhooks.web;

import java.util.Locale;

import io.atrium.webhooks.DeliveryFilter;
import io.atrium.webhooks.DeliveryStatus;
import io.atrium.webhooks.WebhookEvent;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The filters of the delivery log, as typed in the query string; values that cannot be
 * read are ignored, like on the sales page.
 *
 * @param endpoint an endpoint's id
 * @param event an event's name
 * @param status PENDING, DELIVERED or FAILED
 * @param transaction a transaction code
 * @param before show deliveries older than this one (the "older" link)
 */
record LogFilters(String endpoint, String event, String status, String transaction, String before) {

	/** The longest transaction code looked for. */
	static final int MAX_TRANSACTION = 64;

	static final LogFilters NONE = new LogFilters(null, null, null, null, null);

	public Long endpointId() {
		return number(this.endpoint);
	}

	public WebhookEvent eventValue() {
		return value(WebhookEvent.class, this.event);
	}

	public DeliveryStatus statusValue() {
		return value(DeliveryStatus.class, this.status);
	}

	public String transactionValue() {
		if (this.transaction == null || this.transaction.isBlank()) {
			return null;
		}
		String code = this.transaction.strip();
		return (code.length() > MAX_TRANSACTION) ? code.substring(0, MAX_TRANSACTION) : code;
	}

	public Long beforeId() {
		return number(this.before);
	}

	DeliveryFilter filter() {
		return new DeliveryFilter(endpointId(), eventValue(), statusValue(), transactionValue());
	}

	/**
	 * @param olderThan a delivery id for the "older" page, or null for the newest
	 * @return the log's address with these filters
	 */
	String link(Long olderThan) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath(WebhookLogPagesController.LOG);
		put(uri, "endpoint", endpointId());
		put(uri, "event", eventValue());
		put(uri, "status", statusValue());
		put(uri, "transaction", transactionValue());
		put(uri, "before", olderThan);
		return uri.encode().build().toUriString();
	}

	private static void put(UriComponentsBuilder uri, String name, Object value) {
		if (value != null) {
			uri.queryParam(name, value.toString());
		}
	}

	private static Long number(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static <E extends Enum<E>> E value(Class<E> type, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
