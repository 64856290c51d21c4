package io.atrium.checkout.web;

/**
 * A Brazilian buyer's tax document as typed at the checkout: a CPF (11 digits) or a CNPJ
 * (14 digits), with or without punctuation, checked by their two check digits.
 */
final class TaxDocument {

	private TaxDocument() {
	}

	/**
	 * @param typed what the buyer typed
	 * @return whether it is a CPF or CNPJ whose check digits are right (a CPF of eleven
	 * equal digits is not)
	 */
	static boolean isValid(String typed) {
		String digits = (typed != null) ? typed.replaceAll("[\\s./-]", "") : "";
		if (!digits.matches("\\d{11}|\\d{14}") || digits.chars().distinct().count() == 1) {
			return false;
		}
		return (digits.length() == 11) ? cpf(digits) : cnpj(digits);
	}

	private static boolean cpf(String d) {
		return checkDigit(d, 9, 10) == d.charAt(9) - '0' && checkDigit(d, 10, 11) == d.charAt(10) - '0';
	}

	private static int checkDigit(String d, int length, int firstWeight) {
		int sum = 0;
		for (int i = 0; i < length; i++) {
			sum += (d.charAt(i) - '0') * (firstWeight - i);
		}
		int rest = sum % 11;
		return (rest < 2) ? 0 : 11 - rest;
	}

	private static boolean cnpj(String d) {
		return cnpjDigit(d, 12) == d.charAt(12) - '0' && cnpjDigit(d, 13) == d.charAt(13) - '0';
	}

	private static int cnpjDigit(String d, int length) {
		int sum = 0;
		int weight = 2;
		for (int i = length - 1; i >= 0; i--) {
			sum += (d.charAt(i) - '0') * weight;
			weight = (weight == 9) ? 2 : weight + 1;
		}
		int rest = sum % 11;
		return (rest < 2) ? 0 : 11 - rest;
	}

}
