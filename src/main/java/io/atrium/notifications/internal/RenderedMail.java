package io.atrium.notifications.internal;

import java.util.Locale;

/**
 * An e-mail ready to store: subject and parts rendered in the recipient's language.
 *
 * @param recipient the address it goes to
 * @param locale the language it is written in
 * @param template the template it was rendered from
 * @param subject the subject line
 * @param htmlBody the HTML part
 * @param textBody the plain text part, null when the template has none
 */
record RenderedMail(String recipient, Locale locale, String template, String subject, String htmlBody,
		String textBody) {

}
