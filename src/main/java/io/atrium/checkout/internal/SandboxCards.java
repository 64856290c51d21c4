package io.atrium.checkout.internal;

import java.time.YearMonth;
import java.util.Map;

import io.atrium.checkout.CardDetails;
import io.atrium.checkout.DeclineReason;

/**
 * The sandbox's test cards (docs/payments.md): a pure rule, no Spring.
 * <p>
 * The first charge of a typed card:
 * <ul>
 * <li>{@code 4111 1111 1111 1111} (and any other valid number): approved</li>
 * <li>{@code 4000 0000 0000 0002}: declined</li>
 * <li>{@code 4000 0000 0000 9995}: insufficient funds</li>
 * <li>{@code 4000 0000 0000 0119}: processing error</li>
 * <li>{@code 4000 0000 0000 9979}: stolen card</li>
 * <li>{@code 4000 0000 0000 0044}: closed account</li>
 * </ul>
 * Any future expiry and any 3- or 4-digit CVC; a number failing the Luhn check is
 * invalid, a past expiry is an expired card.
 * <p>
 * Renewal cards: {@code 4000 0000 0034} followed by the last four digits of a declining
 * card above. Approved when typed (and stored), but every later charge of the stored
 * method is declined for that card's reason ({@link #laterCharges(CardDetails)}).
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

	/** The test card reported stolen: declined with {@link DeclineReason#STOLEN_CARD}. */
	public static final String STOLEN_CARD = "4000000000009979";

	/** The test card whose account is closed: {@link DeclineReason#CLOSED_ACCOUNT}. */
	public static final String CLOSED_ACCOUNT = "4000000000000044";

	/**
	 * Approved now; once stored, every later charge declines with insufficient funds.
	 */
	public static final String RENEWAL_INSUFFICIENT_FUNDS = "4000000000349995";

	/**
	 * Approved now; once stored, every later charge declines with a processing error.
	 */
	public static final String RENEWAL_PROCESSING_ERROR = "4000000000340119";

	/** Approved now; once stored, every later charge is declined by the bank. */
	public static final String RENEWAL_DECLINED = "4000000000340002";

	/** Approved now; once stored, every later charge declines as a stolen card. */
	public static final String RENEWAL_STOLEN_CARD = "4000000000349979";

	/**
	 * Approved now; once stored, every later charge declines with a closed account.
	 */
	public static final String RENEWAL_CLOSED_ACCOUNT = "4000000000340044";

	private static final Map<String, DeclineReason> REFUSALS = Map.of(DECLINED, DeclineReason.DECLINED,
			INSUFFICIENT_FUNDS, DeclineReason.INSUFFICIENT_FUNDS, PROCESSING_ERROR, DeclineReason.PROCESSING_ERROR,
			STOLEN_CARD, DeclineReason.STOLEN_CARD, CLOSED_ACCOUNT, DeclineReason.CLOSED_ACCOUNT);

	private static final Map<String, DeclineReason> LATER_REFUSALS = Map.of(RENEWAL_INSUFFICIENT_FUNDS,
			DeclineReason.INSUFFICIENT_FUNDS, RENEWAL_PROCESSING_ERROR, DeclineReason.PROCESSING_ERROR,
			RENEWAL_DECLINED, DeclineReason.DECLINED, RENEWAL_STOLEN_CARD, DeclineReason.STOLEN_CARD,
			RENEWAL_CLOSED_ACCOUNT, DeclineReason.CLOSED_ACCOUNT);

	private SandboxCards() {
	}

	/**
	 * Decides a charge of a typed card.
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
		if (expired(card.expMonth(), card.expYear(), thisMonth)) {
			return DeclineReason.EXPIRED_CARD;
		}
		return REFUSALS.get(number);
	}

	/**
	 * How later charges of a card stored after its approval behave.
	 * @param card an approved card
	 * @return null when later charges are approved, otherwise the reason every later
	 * charge is declined with (the renewal cards)
	 */
	public static DeclineReason laterCharges(CardDetails card) {
		return LATER_REFUSALS.get(card.number());
	}

	/**
	 * @param expMonth the card's expiry month, 1 to 12
	 * @param expYear the card's expiry year
	 * @param thisMonth the month of the charge
	 * @return whether the card can no longer be charged: its expiry month is over
	 */
	static boolean expired(int expMonth, int expYear, YearMonth thisMonth) {
		return YearMonth.of(expYear, expMonth).isBefore(thisMonth);
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
