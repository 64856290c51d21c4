package io.atrium.checkout;

import java.util.Locale;

/**
 * Who buys, as typed at the checkout.
 *
 * @param name the buyer's name
 * @param email the canonical e-mail address
 * @param document a tax document (CPF, NIF…), or null
 * @param locale the language of the checkout, for the purchase e-mail
 */
public record Buyer(String name, String email, String document, Locale locale) {

}
