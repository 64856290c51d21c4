package io.atrium.notifications;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * An e-mail to render and queue.
 *
 * @param to the recipient's address
 * @param locale the language to write it in
 * @param subjectKey message key of the subject line
 * @param subjectArgs arguments of the subject message
 * @param template Thymeleaf template of the HTML body, for example
 * {@code accounts/mail/activation}; a sibling {@code .txt} template, when present, is the
 * plain text part
 * @param variables values the template uses
 */
public record OutgoingMail(String to, Locale locale, String subjectKey, List<Object> subjectArgs, String template,
		Map<String, Object> variables) {

	public OutgoingMail {
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(locale, "locale");
		Objects.requireNonNull(subjectKey, "subjectKey");
		Objects.requireNonNull(template, "template");
		subjectArgs = (subjectArgs != null) ? List.copyOf(subjectArgs) : List.of();
		variables = (variables != null) ? Map.copyOf(variables) : Map.of();
	}

}
