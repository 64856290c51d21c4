package io.atrium.subscriptions;

import java.util.Locale;

/**
 * Who pays a subscription.
 *
 * @param accountId the subscriber's account
 * @param name the name given at checkout
 * @param email the e-mail address
 * @param document the tax document, or null
 * @param locale the language of their e-mails
 */
public record Subscriber(long accountId, String name, String email, String document, Locale locale) {

}
