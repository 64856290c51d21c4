package io.atrium.checkout.internal;

import io.atrium.checkout.DeclineReason;

/**
 * A card stored in the sandbox gateway's vault: what it looks like, never its number or
 * CVC, and how the sandbox answers its later charges.
 *
 * @param token the token Atrium charges it by ({@code pm_…})
 * @param cardBrand the card's brand
 * @param cardLast4 the card's last four digits
 * @param expMonth the expiry month, 1 to 12
 * @param expYear the expiry year
 * @param declinesWith null when later charges are approved (until the card expires),
 * otherwise the reason every later charge is declined with
 */
public record SandboxPaymentMethod(String token, String cardBrand, String cardLast4, int expMonth, int expYear,
		DeclineReason declinesWith) {

}
