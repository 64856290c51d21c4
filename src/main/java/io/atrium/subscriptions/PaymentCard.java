package io.atrium.subscriptions;

/**
 * The card a subscription is charged on: the gateway's token and what the buyer may see
 * of it. Never card data.
 *
 * @param token the gateway's token of the stored card
 * @param brand the card's brand, e.g. VISA
 * @param last4 its last four digits
 */
public record PaymentCard(String token, String brand, String last4) {

}
