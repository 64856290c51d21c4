package io.atrium.notifications.internal;

import java.util.HashMap;
import java.util.Map;

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

	MailRenderer(ITemplateEngine templates, MessageSource messages, ResourceLoader resources, BaseUrl baseUrl) {
		this.templates = templates;
		this.messages = messages;
		this.resources = resources;
		this.baseUrl = baseUrl;
	}

	RenderedMail render(OutgoingMail mail) {
		String subject = this.messages.getMessage(mail.subjectKey(), mail.subjectArgs().toArray(), mail.locale());
		Map<String, Object> variables = new HashMap<>(mail.variables());
		variables.put("baseUrl", this.baseUrl.value());
		variables.put("subject", subject);
		Context context = new Context(mail.locale(), variables);
		String html = this.templates.process(mail.template(), context);
		String text = hasTextPart(mail.template())
				? this.templates.process(mail.template() + MailTextTemplates.SUFFIX, context) : null;
		return new RenderedMail(mail.to().trim(), mail.locale(), mail.template(), subject, html, text);
	}

	private boolean hasTextPart(String template) {
		return this.resources.getResource(MailTextTemplates.PREFIX + template + MailTextTemplates.SUFFIX).exists();
	}

}
