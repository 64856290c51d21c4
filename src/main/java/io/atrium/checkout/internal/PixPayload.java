package io.atrium.checkout.internal;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

import io.atrium.shared.Money;

/**
 * A PIX "copia e cola" payload (BR Code): the EMV QR Code Merchant-Presented Mode format
 * the Banco Central do Brasil specifies, ending in a CRC16-CCITT (polynomial 0x1021,
 * initial value 0xFFFF) over everything before it, "6304" included. Any banking app reads
 * it from the QR code or from the pasted text.
 */
public final class PixPayload {

	private static final String GUI = "br.gov.bcb.pix";

	private PixPayload() {
	}

	/**
	 * @param key the receiver's PIX key (an e-mail, phone, CPF/CNPJ or random key)
	 * @param amount what to pay, in BRL; null for an amount the payer types
	 * @param merchantName the receiver's name (up to 25 characters are kept, without
	 * accents)
	 * @param city the receiver's city (up to 15 characters are kept, without accents)
	 * @param txid the transaction id (letters and digits, up to 25 are kept), or null for
	 * none ({@code ***})
	 * @return the payload, CRC included
	 * @throws IllegalArgumentException when the amount is not in BRL
	 */
	public static String of(String key, Money amount, String merchantName, String city, String txid) {
		if (amount != null && !"BRL".equals(amount.currency().getCurrencyCode())) {
			throw new IllegalArgumentException("A PIX is paid in BRL, not " + amount.currency());
		}
		StringBuilder payload = new StringBuilder();
		payload.append(field("00", "01"));
		payload.append(field("26", field("00", GUI) + field("01", key)));
		payload.append(field("52", "0000"));
		payload.append(field("53", "986"));
		if (amount != null) {
			payload.append(field("54", amount.decimal().toPlainString()));
		}
		payload.append(field("58", "BR"));
		payload.append(field("59", plain(merchantName, 25)));
		payload.append(field("60", plain(city, 15)));
		String id = (txid != null) ? txid.replaceAll("[^A-Za-z0-9]", "") : "";
		payload.append(field("62", field("05", id.isEmpty() ? "***" : id.substring(0, Math.min(25, id.length())))));
		payload.append("6304");
		return payload + crc16(payload.toString());
	}

	/**
	 * @param payload a BR Code
	 * @return whether it ends with the right CRC of what comes before it
	 */
	public static boolean hasValidCrc(String payload) {
		if (payload == null || payload.length() < 8 || !payload.startsWith("6304", payload.length() - 8)) {
			return false;
		}
		String body = payload.substring(0, payload.length() - 4);
		return crc16(body).equals(payload.substring(payload.length() - 4));
	}

	/**
	 * @param text the text to check
	 * @return CRC-16/CCITT-FALSE of its UTF-8 bytes, four upper-case hex digits
	 */
	static String crc16(String text) {
		int crc = 0xFFFF;
		for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
			crc ^= (b & 0xFF) << 8;
			for (int bit = 0; bit < 8; bit++) {
				crc = ((crc & 0x8000) != 0) ? ((crc << 1) ^ 0x1021) : (crc << 1);
				crc &= 0xFFFF;
			}
		}
		return String.format(Locale.ROOT, "%04X", crc);
	}

	private static String field(String id, String value) {
		if (value.length() > 99) {
			throw new IllegalArgumentException("A BR Code field holds at most 99 characters: " + id);
		}
		return id + String.format(Locale.ROOT, "%02d", value.length()) + value;
	}

	private static String plain(String text, int max) {
		String ascii = Normalizer.normalize((text != null) ? text : "", Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replaceAll("[^A-Za-z0-9 .-]", "")
			.trim();
		return ascii.isEmpty() ? "NA" : ascii.substring(0, Math.min(max, ascii.length()));
	}

}
