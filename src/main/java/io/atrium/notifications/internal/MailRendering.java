package io.atrium.notifications.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Rendering moved out of the transaction that queues a mail (issue 14: it was the largest
 * share of a purchase's CPU). A mail whose variables are plain data is stored with them
 * as JSON and rendered by the send task, in the recipient's language, the first time it
 * is needed (to send it, or to show it on the mailbox page); the parts are then stored,
 * so the message reads the same ever after. A mail with other variables is rendered when
 * queued, as before.
 */
@Component
class MailRendering {

	private static final TypeReference<Map<String, Object>> VARIABLES = new TypeReference<>() {
	};

	private final MailRenderer renderer;

	private final OutboxRepository outbox;

	private final JsonMapper json;

	MailRendering(MailRenderer renderer, OutboxRepository outbox, JsonMapper json) {
		this.renderer = renderer;
		this.outbox = outbox;
		this.json = json;
	}

	/**
	 * @param variables a mail's template variables
	 * @return them as JSON when every value is plain data (text, a number, a boolean,
	 * null, or a list or map of those), which reads back as the same values; empty
	 * otherwise
	 */
	Optional<String> storable(Map<String, Object> variables) {
		return plain(variables) ? Optional.of(this.json.writeValueAsString(variables)) : Optional.empty();
	}

	/**
	 * @param message an outbox message
	 * @return it with its parts, rendered and stored now when it had none
	 */
	OutboxMessage rendered(OutboxMessage message) {
		if (!message.unrendered()) {
			return message;
		}
		Map<String, Object> variables = (message.variables() != null)
				? this.json.readValue(message.variables(), VARIABLES) : Map.of();
		RenderedMail mail = this.renderer.render(message.recipient(), Locale.forLanguageTag(message.locale()),
				message.template(), message.subject(), variables);
		this.outbox.storeBodies(message.id(), mail.htmlBody(), mail.textBody());
		return message.withBodies(mail.htmlBody(), mail.textBody());
	}

	private static boolean plain(Object value) {
		if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
				|| value instanceof Long) {
			return true;
		}
		if (value instanceof Collection<?> values) {
			return values.stream().allMatch(MailRendering::plain);
		}
		if (value instanceof Map<?, ?> map) {
			return map.keySet().stream().allMatch((k) -> k instanceof String)
					&& map.values().stream().allMatch(MailRendering::plain);
		}
		return false;
	}

}
