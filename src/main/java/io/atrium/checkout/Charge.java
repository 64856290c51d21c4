package io.atrium.checkout;

import java.time.Instant;

/**
 * A charge as the gateway reports it.
 *
 * @param chargeId the gateway's id of the charge
 * @param idempotencyKey the key it was made with (the purchase's transaction code)
 * @param status where it stands
 * @param declineReason why it was declined, for {@link ChargeStatus#DECLINED}; null
 * otherwise
 * @param cardBrand the card's brand, for card charges
 * @param cardLast4 the card's last four digits, for card charges
 * @param pixCode the PIX copy-and-paste code, for PIX charges
 * @param billetBarcode the billet's barcode line, for billet charges
 * @param expiresAt when an unpaid PIX or billet stops being payable
 * @param paymentToken the gateway's token of the stored payment method, when the request
 * asked to store the card ({@link ChargeRequest#storeMethod()}) or charged a stored one;
 * null otherwise. A token, never card data
 */
public record Charge(String chargeId, String idempotencyKey, ChargeStatus status, DeclineReason declineReason,
		String cardBrand, String cardLast4, String pixCode, String billetBarcode, Instant expiresAt,
		String paymentToken) {

}
