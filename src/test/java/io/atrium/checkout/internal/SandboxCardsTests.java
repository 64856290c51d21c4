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
