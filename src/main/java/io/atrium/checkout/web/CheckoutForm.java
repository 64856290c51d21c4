package io.atrium.checkout.web;

/**
 * The checkout form as posted. Card fields are never sent back to the page.
 */
record CheckoutForm(String attempt, String name, String email, String emailConfirmation, String document, String coupon,
		String method, String cardNumber, String cardHolder, String cardExpMonth, String cardExpYear, String cardCvc) {

	static CheckoutForm empty(String attempt, String coupon) {
		return new CheckoutForm(attempt, "", "", "", "", (coupon != null) ? coupon : "", "CARD", "", "", "", "", "");
	}

	/**
	 * @param newAttempt a fresh one-time id
	 * @return the same buyer data for another try, without the card
	 */
	CheckoutForm retry(String newAttempt) {
		return new CheckoutForm(newAttempt, this.name, this.email, this.emailConfirmation, this.document, this.coupon,
				this.method, "", "", "", "", "");
	}

	CheckoutForm withAttempt(String attempt) {
		return new CheckoutForm(attempt, this.name, this.email, this.emailConfirmation, this.document, this.coupon,
				this.method, this.cardNumber, this.cardHolder, this.cardExpMonth, this.cardExpYear, this.cardCvc);
	}

	String trimmed(String value) {
		return (value != null) ? value.trim() : "";
	}

}
