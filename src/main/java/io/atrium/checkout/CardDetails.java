package io.atrium.checkout;

/**
 * A payment card as the buyer typed it. Lives only in memory for one gateway call; never
 * stored or logged ({@link #toString()} shows only the last four digits).
 *
 * @param number the card number, digits (spaces are ignored)
 * @param holder the name on the card
 * @param expMonth 1 to 12
 * @param expYear four digits
 * @param cvc the security code
 */
public record CardDetails(String number, String holder, int expMonth, int expYear, String cvc) {

	public CardDetails {
		number = (number != null) ? number.replaceAll("[\\s-]", "") : "";
	}

	/**
	 * @return the last four digits
	 */
	public String last4() {
		return (this.number.length() >= 4) ? this.number.substring(this.number.length() - 4) : this.number;
	}

	/**
	 * @return the card brand guessed from the number's first digits
	 */
	public String brand() {
		if (this.number.startsWith("4")) {
			return "VISA";
		}
		if (this.number.matches("^(5[1-5]|2[2-7]).*")) {
			return "MASTERCARD";
		}
		if (this.number.matches("^3[47].*")) {
			return "AMERICAN_EXPRESS";
		}
		return "UNKNOWN";
	}

	@Override
	public String toString() {
		return "CardDetails[" + brand() + " ****" + last4() + "]";
	}

}
