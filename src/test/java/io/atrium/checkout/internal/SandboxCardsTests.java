package io.atrium.checkout.internal;

import java.time.YearMonth;

import io.atrium.checkout.CardDetails;
import io.atrium.checkout.DeclineReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxCardsTests {

	static final YearMonth NOW = YearMonth.of(2026, 3);

	static DeclineReason decide(String number, int month, int year, String cvc) {
		return SandboxCards.decide(new CardDetails(number, "Ana", month, year, cvc), NOW);
	}

	@Test
	void theDocumentedTestCards() {
		assertThat(decide("4111 1111 1111 1111", 12, 2030, "123")).isNull();
		assertThat(decide("4000 0000 0000 0002", 12, 2030, "123")).isEqualTo(DeclineReason.DECLINED);
		assertThat(decide("4000 0000 0000 9995", 12, 2030, "123")).isEqualTo(DeclineReason.INSUFFICIENT_FUNDS);
		assertThat(decide("4000 0000 0000 0119", 12, 2030, "1234")).isEqualTo(DeclineReason.PROCESSING_ERROR);
	}

	@Test
	void everyDocumentedCardPassesLuhnAndDoesWhatTheDocsSay() {
		// number (as in docs/payments.md), first charge, later charges of the stored card
		Object[][] documented = { { "4111 1111 1111 1111", null, null },
				{ "4000 0000 0000 0002", DeclineReason.DECLINED, null },
				{ "4000 0000 0000 9995", DeclineReason.INSUFFICIENT_FUNDS, null },
				{ "4000 0000 0000 0119", DeclineReason.PROCESSING_ERROR, null },
				{ "4000 0000 0000 9979", DeclineReason.STOLEN_CARD, null },
				{ "4000 0000 0000 0044", DeclineReason.CLOSED_ACCOUNT, null },
				{ "4000 0000 0034 9995", null, DeclineReason.INSUFFICIENT_FUNDS },
				{ "4000 0000 0034 0119", null, DeclineReason.PROCESSING_ERROR },
				{ "4000 0000 0034 0002", null, DeclineReason.DECLINED },
				{ "4000 0000 0034 9979", null, DeclineReason.STOLEN_CARD },
				{ "4000 0000 0034 0044", null, DeclineReason.CLOSED_ACCOUNT } };
		for (Object[] card : documented) {
			String number = (String) card[0];
			assertThat(SandboxCards.luhn(number.replace(" ", ""))).as(number).isTrue();
			assertThat(decide(number, 12, 2030, "123")).as(number).isEqualTo(card[1]);
			assertThat(SandboxCards.laterCharges(new CardDetails(number, "Ana", 12, 2030, "123"))).as(number)
				.isEqualTo(card[2]);
		}
	}

	@Test
	void theConstantsAreTheDocumentedNumbers() {
		assertThat(SandboxCards.STOLEN_CARD).isEqualTo("4000000000009979");
		assertThat(SandboxCards.CLOSED_ACCOUNT).isEqualTo("4000000000000044");
		assertThat(SandboxCards.RENEWAL_INSUFFICIENT_FUNDS).isEqualTo("4000000000349995");
		assertThat(SandboxCards.RENEWAL_PROCESSING_ERROR).isEqualTo("4000000000340119");
		assertThat(SandboxCards.RENEWAL_DECLINED).isEqualTo("4000000000340002");
		assertThat(SandboxCards.RENEWAL_STOLEN_CARD).isEqualTo("4000000000349979");
		assertThat(SandboxCards.RENEWAL_CLOSED_ACCOUNT).isEqualTo("4000000000340044");
	}

	@Test
	void aStoredCardExpiresAfterItsExpiryMonth() {
		assertThat(SandboxCards.expired(3, 2026, YearMonth.of(2026, 3))).isFalse();
		assertThat(SandboxCards.expired(3, 2026, YearMonth.of(2026, 4))).isTrue();
		assertThat(SandboxCards.expired(12, 2025, YearMonth.of(2026, 1))).isTrue();
	}

	@Test
	void renewalCardsAreStillRefusedWhenInvalidOrExpired() {
		assertThat(decide(SandboxCards.RENEWAL_DECLINED, 2, 2026, "123")).isEqualTo(DeclineReason.EXPIRED_CARD);
		assertThat(decide(SandboxCards.RENEWAL_DECLINED, 12, 2030, "1")).isEqualTo(DeclineReason.INVALID_CARD);
	}

	@Test
	void anyFutureExpiryAndThisMonthWorkAPastOneIsAnExpiredCard() {
		assertThat(decide("4111111111111111", 3, 2026, "999")).isNull();
		assertThat(decide("4111111111111111", 2, 2026, "999")).isEqualTo(DeclineReason.EXPIRED_CARD);
		assertThat(decide("4111111111111111", 13, 2030, "999")).isEqualTo(DeclineReason.INVALID_CARD);
	}

	@Test
	void badNumbersAndCodesAreInvalid() {
		assertThat(decide("4111111111111112", 12, 2030, "123")).isEqualTo(DeclineReason.INVALID_CARD);
		assertThat(decide("4111", 12, 2030, "123")).isEqualTo(DeclineReason.INVALID_CARD);
		assertThat(decide("4111111111111111", 12, 2030, "12")).isEqualTo(DeclineReason.INVALID_CARD);
		assertThat(decide("4111111111111111", 12, 2030, null)).isEqualTo(DeclineReason.INVALID_CARD);
	}

}
