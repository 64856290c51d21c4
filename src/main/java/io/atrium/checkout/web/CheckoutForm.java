package io.atrium.checkout.web;

/**
 * The checkout form as posted. Card fields are never sent back to the page. The page asks
 * for the expiry as one field, {@code MM/YY} ({@code cardExpiry}); a post with
 * {@code cardExpMonth} and {@code cardExpYear} instead is read too. {@code installments}
 * (the card's number of installments) is read for card payments only.
 */
record CheckoutForm(String attempt, String name, String email, String emailConfirmation, String document, String coupon,
		String method, String cardNumber, String cardHolder, String cardExpMonth, String cardExpYear, String cardCvc,
		String cardExpiry, String installments) {

	static CheckoutForm empty(String attempt, String coupon) {
		return new CheckoutForm(attempt, "", "", "", "", (coupon != null) ? coupon : "", "CARD", "", "", "", "", "", "",
				"1");
	}

	/**
	 * @return the installments chosen: 1 when none was sent, 0 when what was sent is not
	 * a whole number from 1 to 99
	 */
	int installmentsCount() {
		String value = trimmed(this.installments);
		if (value.isEmpty()) {
			return 1;
		}
		return value.matches("[1-9]\\d?") ? Integer.parseInt(value) : 0;
	}

	/**
	 * @param newAttempt a fresh one-time id
	 * @return the same buyer data for another try, without the card
	 */
	CheckoutForm retry(String newAttempt) {
		return new CheckoutForm(newAttempt, this.name, this.email, this.emailConfirmation, this.document, this.coupon,
				this.method, "", "", "", "", "", "", this.installments);
	}

	CheckoutForm withAttempt(String attempt) {
		return new CheckoutForm(attempt, this.name, this.email, this.emailConfirmation, this.document, this.coupon,
				this.method, this.cardNumber, this.cardHolder, this.cardExpMonth, this.cardExpYear, this.cardCvc,
				this.cardExpiry, this.installments);
	}

	String trimmed(String value) {
		return (value != null) ? value.trim() : "";
	}

	/**
	 * @return the expiry month, 1 to 12, or 0 when it is not one
	 */
	int expiryMonth() {
		String month = trimmed(this.cardExpiry).isEmpty() ? trimmed(this.cardExpMonth)
				: trimmed(this.cardExpiry).replaceAll("\\s", "").split("/", -1)[0];
		return month.matches("0?[1-9]|1[0-2]") ? Integer.parseInt(month) : 0;
	}

	/**
	 * @return the four-digit expiry year ({@code YY} means 20YY), or 0 when it is not one
	 */
	int expiryYear() {
		String year;
		if (trimmed(this.cardExpiry).isEmpty()) {
			year = trimmed(this.cardExpYear);
		}
		else {
			String[] parts = trimmed(this.cardExpiry).replaceAll("\\s", "").split("/", -1);
			year = (parts.length == 2) ? parts[1] : "";
		}
		if (year.matches("\\d{2}")) {
			return 2000 + Integer.parseInt(year);
		}
		return year.matches("\\d{4}") ? Integer.parseInt(year) : 0;
	}

}
