package io.atrium.checkout.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import io.atrium.shared.Money;

/**
 * A boleto's digitable line (linha digitável, 47 digits) as FEBRABAN lays it out: three
 * fields of the barcode's free part, each closed by a modulo-10 check digit, the
 * barcode's modulo-11 check digit, then the due-date factor and the amount. The sandbox
 * issues lines that pass every check a bank app makes.
 */
public final class BilletLine {

	/** Factor 1000 is 22 February 2025: the factor restarted after reaching 9999. */
	private static final LocalDate FACTOR_BASE = LocalDate.of(2025, 2, 22);

	private BilletLine() {
	}

	/**
	 * @param bank the bank's three-digit code
	 * @param amount the amount (minor units; at most 10 digits are kept)
	 * @param due the due date
	 * @param random where the free field's 25 digits come from
	 * @return the 47-digit line, digits only
	 */
	public static String issue(String bank, Money amount, LocalDate due, Random random) {
		StringBuilder free = new StringBuilder();
		for (int i = 0; i < 25; i++) {
			free.append(random.nextInt(10));
		}
		long factor = 1000 + Math.floorMod(ChronoUnit.DAYS.between(FACTOR_BASE, due), 9000);
		String value = String.format("%04d%010d", factor, amount.amountMinor() % 10_000_000_000L);
		String head = bank + "9";
		int general = mod11(head + value + free);
		String field1 = head + free.substring(0, 5);
		String field2 = free.substring(5, 15);
		String field3 = free.substring(15, 25);
		return field1 + mod10(field1) + field2 + mod10(field2) + field3 + mod10(field3) + general + value;
	}

	/**
	 * @param line a digitable line, with or without separators
	 * @return the line as banks print it ({@code 00190.00009 01234.567891 23456.789012 3
	 * 45670000010000}); the input unchanged when it is not 47 digits
	 */
	public static String format(String line) {
		String digits = (line != null) ? line.replaceAll("\\D", "") : "";
		if (digits.length() != 47) {
			return line;
		}
		return digits.substring(0, 5) + "." + digits.substring(5, 10) + " " + digits.substring(10, 15) + "."
				+ digits.substring(15, 21) + " " + digits.substring(21, 26) + "." + digits.substring(26, 32) + " "
				+ digits.charAt(32) + " " + digits.substring(33);
	}

	/**
	 * @param line a 47-digit line
	 * @return whether its three field check digits and its barcode check digit are right
	 */
	public static boolean isValid(String line) {
		String d = (line != null) ? line.replaceAll("\\D", "") : "";
		if (d.length() != 47) {
			return false;
		}
		String barcodeWithoutDv = d.substring(0, 4) + d.substring(33) + d.substring(4, 9) + d.substring(10, 20)
				+ d.substring(21, 31);
		return mod10(d.substring(0, 9)) == d.charAt(9) - '0' && mod10(d.substring(10, 20)) == d.charAt(20) - '0'
				&& mod10(d.substring(21, 31)) == d.charAt(31) - '0' && mod11(barcodeWithoutDv) == d.charAt(32) - '0';
	}

	static int mod10(String digits) {
		int sum = 0;
		int weight = 2;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int product = (digits.charAt(i) - '0') * weight;
			sum += (product > 9) ? product - 9 : product;
			weight = (weight == 2) ? 1 : 2;
		}
		return (10 - sum % 10) % 10;
	}

	static int mod11(String digits) {
		int sum = 0;
		int weight = 2;
		for (int i = digits.length() - 1; i >= 0; i--) {
			sum += (digits.charAt(i) - '0') * weight;
			weight = (weight == 9) ? 2 : weight + 1;
		}
		int dv = 11 - sum % 11;
		return (dv == 0 || dv == 10 || dv == 11) ? 1 : dv;
	}

}
