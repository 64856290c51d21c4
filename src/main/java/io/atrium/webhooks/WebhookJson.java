package io.atrium.webhooks;

import io.atrium.webhooks.payload.Envelope;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes webhook bodies: snake_case names (a few fields keep Hotmart's own spelling),
 * amounts as plain decimals ({@code 150.6}, never {@code 1.506E+2}).
 */
final class WebhookJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.build();

	private WebhookJson() {
	}

	/**
	 * @param envelope a webhook
	 * @return its JSON body
	 */
	static String write(Envelope envelope) {
		return MAPPER.writeValueAsString(envelope);
	}

}
