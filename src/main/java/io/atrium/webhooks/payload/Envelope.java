package io.atrium.webhooks.payload;

/**
 * Every webhook's body: {@code {"id","creation_date","event","version":"2.0.0","data"}}.
 *
 * @param id the event's id (also the {@code webhook-id} header)
 * @param creationDate when the event happened, epoch milliseconds
 * @param event the event's name
 * @param version always {@value #VERSION}
 * @param data the event's data
 */
public record Envelope(String id, long creationDate, String event, String version, Object data) {

	/** The postback version Atrium speaks. */
	public static final String VERSION = "2.0.0";

}
