package io.atrium.checkout;

/**
 * How a buyer pays.
 */
public enum PaymentMethod {

	/** A credit card, decided at once. */
	CARD("CREDIT_CARD"),

	/** Brazil's instant payment: pending until the buyer pays the code (30 minutes). */
	PIX("PIX"),

	/** A bank slip: pending until paid (3 days). */
	BILLET("BILLET");

	private final String paymentType;

	PaymentMethod(String paymentType) {
		this.paymentType = paymentType;
	}

	/**
	 * @return the compatible API's {@code payment_type}
	 */
	public String paymentType() {
		return this.paymentType;
	}

}
