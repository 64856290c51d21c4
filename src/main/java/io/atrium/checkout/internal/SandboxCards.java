package io.atrium.checkout.internal;

import java.time.YearMonth;
import java.util.Map;

import io.atrium.checkout.CardDetails;
import io.atrium.checkout.DeclineReason;

/**
 * The sandbox's test cards (docs/payments.md): a pure rule, no Spring.
 * <ul>
 * <li>{@code 4111 1111 1111 1111} (and any other valid number): approved</li>
 * <li>{@code 4000 0000 0000 0002}: declined</li>
 * <li>{@code 4000 0000 0000 9995}: insufficient funds</li>
 * <li>{@code 4000 0000 0000 0119}: processing error</li>
 * </ul>
 * Any future expiry and any 3- or 4-digit CVC; a number failing the Luhn check is
 * invalid, a past expiry is an expired card.
 */
public final class SandboxCards {

	/** The approved test card. */
	public static final String APPROVED = "4111111111111111";

	/** The declined test card. */
	public static final String DECLINED = "4000000000000002";

	/** The insufficient-funds test card. */
	public static final String INSUFFICIENT_FUNDS = "4000000000009995";

	/** The processing-error test card. */
	public static final String PROCESSING_ERROR = "4000000000000119";

	private static final Map<String, DeclineReason> REFUSALS = Map.of(DECLINED, DeclineReason.DECLINED,
			INSUFFICIENT_FUNDS, DeclineReason.INSUFFICIENT_FUNDS, PROCESSING_ERROR, DeclineReason.PROCESSING_ERROR);

	private SandboxCards() {
	}

	/**
	 * @param card the card typed
	 * @param thisMonth the current month
	 * @return null when approved, otherwise why it is refused
	 */
	public static DeclineReason decide(CardDetails card, YearMonth thisMonth) {
		String number = card.number();
		if (!number.matches("\\d{13,19}") || !luhn(number) || card.cvc() == null || !card.cvc().matches("\\d{3,4}")
				|| card.expMonth() < 1 || card.expMonth() > 12) {
			return DeclineReason.INVALID_CARD;
		}
		if (YearMonth.of(card.expYear(), card.expMonth()).isBefore(thisMonth)) {
			return DeclineReason.EXPIRED_CARD;
		}
		return REFUSALS.get(number);
	}

	static boolean luhn(String digits) {
		int sum = 0;
		boolean twice = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (twice) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			twice = !twice;
		}
		return sum % 10 == 0;
	}

}
