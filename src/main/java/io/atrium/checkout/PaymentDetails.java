package io.atrium.checkout;

import java.time.Instant;

/**
 * What the gateway told about a purchase's payment. Never a full card number.
 *
 * @param chargeId the gateway's charge id, or null before the charge
 * @param cardBrand the card's brand, or null
 * @param cardLast4 the card's last four digits, or null
 * @param pixCode the PIX code to pay, or null
 * @param billetBarcode the billet's barcode line, or null
 * @param expiresAt when a pending PIX or billet stops being payable, or null
 * @param declineReason why the card was refused, or null
 */
public record PaymentDetails(String chargeId, String cardBrand, String cardLast4, String pixCode, String billetBarcode,
		Instant expiresAt, DeclineReason declineReason) {

	/** Nothing known yet. */
	public static final PaymentDetails NONE = new PaymentDetails(null, null, null, null, null, null, null);

	/**
	 * @param charge a gateway charge
	 * @return what the purchase keeps of it
	 */
	public static PaymentDetails of(Charge charge) {
		return new PaymentDetails(charge.chargeId(), charge.cardBrand(), charge.cardLast4(), charge.pixCode(),
				charge.billetBarcode(), charge.expiresAt(), charge.declineReason());
	}

}
