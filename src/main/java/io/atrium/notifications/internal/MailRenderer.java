package io.atrium.notifications.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.atrium.notifications.OutgoingMail;
import io.atrium.platform.BaseUrl;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Renders an {@link OutgoingMail}: the subject from the message bundles, the HTML part
 * from {@code templates/<template>.html} and, when it exists, the plain text part from
 * {@code templates/<template>.txt} (see {@link MailTextTemplates}). Templates get the
 * mail's variables plus {@code baseUrl} (for absolute links) and {@code subject}.
 */
@Component
class MailRenderer {

	private final ITemplateEngine templates;

	private final MessageSource messages;

	private final ResourceLoader resources;

	private final BaseUrl baseUrl;

	private final Set<String> existing = ConcurrentHashMap.newKeySet();

	private final Map<String, Boolean> textParts = new ConcurrentHashMap<>();

	MailRenderer(ITemplateEngine templates, MessageSource messages, ResourceLoader resources, BaseUrl baseUrl) {
		this.templates = templates;
		this.messages = messages;
		this.resources = resources;
		this.baseUrl = baseUrl;
	}

	RenderedMail render(OutgoingMail mail) {
		String subject = subject(mail);
		return render(mail.to().trim(), mail.locale(), mail.template(), subject, mail.variables());
	}

	/**
	 * @param mail a mail
	 * @return its subject line, in its language
	 */
	String subject(OutgoingMail mail) {
		return this.messages.getMessage(mail.subjectKey(), mail.subjectArgs().toArray(), mail.locale());
	}

	/**
	 * Renders the parts of a mail whose subject is known (a queued message, rendered by
	 * the send task).
	 * @param to the recipient
	 * @param locale its language
	 * @param template the template
	 * @param subject the subject line
	 * @param mailVariables the template's variables
	 * @return the rendered mail
	 */
	RenderedMail render(String to, Locale locale, String template, String subject, Map<String, Object> mailVariables) {
		Map<String, Object> variables = new HashMap<>(mailVariables);
		variables.put("baseUrl", this.baseUrl.value());
		variables.put("subject", subject);
		Context context = new Context(locale, variables);
		String html = this.templates.process(template, context);
		String text = hasTextPart(template) ? this.templates.process(template + MailTextTemplates.SUFFIX, context)
				: null;
		return new RenderedMail(to, locale, template, subject, html, text);
	}

	/**
	 * @param template a mail template name
	 * @return whether its HTML part exists
	 */
	boolean exists(String template) {
		// templates ship in the application: one found stays found
		if (this.existing.contains(template)) {
			return true;
		}
		boolean found = this.resources.getResource(MailTextTemplates.PREFIX + template + ".html").exists();
		if (found) {
			this.existing.add(template);
		}
		return found;
	}

	/**
	 * Templates ship in the application, so the answer never changes; it is remembered
	 * for the templates that rendered (a bounded set): looking the file up in the jar on
	 * every mail was about 1 % of a renewal's CPU (JFR).
	 */
	private boolean hasTextPart(String template) {
		return this.textParts.computeIfAbsent(template,
				(t) -> this.resources.getResource(MailTextTemplates.PREFIX + t + MailTextTemplates.SUFFIX).exists());
	}

}
