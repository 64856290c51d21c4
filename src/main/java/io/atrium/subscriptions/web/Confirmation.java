package io.atrium.subscriptions.web;

import java.util.List;
import java.util.Map;

/**
 * A confirmation page's content: what will happen, in plain words, and the form that does
 * it (see {@code subscriptions/confirm.html}).
 *
 * @param kind which action, a CSS hook and the key of the form's extra fields
 * ({@code cancel}, {@code offer}, {@code due-day}, {@code switch}, {@code reactivate})
 * @param heading the heading's message key
 * @param lead what will happen, one sentence per entry
 * @param action where the form posts
 * @param back where "go back" leads
 * @param submit the submit button's message key
 * @param danger whether the button is styled as destructive
 * @param hidden hidden fields the form carries
 */
record Confirmation(String kind, String heading, List<String> lead, String action, String back, String submit,
		boolean danger, Map<String, String> hidden) {

}
