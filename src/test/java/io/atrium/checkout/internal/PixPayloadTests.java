package io.atrium.checkout.internal;

import io.atrium.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The BR Code the sandbox issues for a PIX, checked against the Banco Central's own
 * example.
 */
class PixPayloadTests {

	/** The static BR Code of the BCB's "Manual de Padrões para Iniciação do Pix". */
	static final String BCB_EXAMPLE = "00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-426655440000"
			+ "5204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D";

	@Test
	void crcIsCrc16CcittFalse() {
		// the check value every CRC-16/CCITT-FALSE implementation is tested with
		assertThat(PixPayload.crc16("123456789")).isEqualTo("29B1");
	}

	@Test
	void theCentralBanksExampleIsRebuiltByteForByte() {
		assertThat(PixPayload.of("123e4567-e12b-12d1-a456-426655440000", null, "Fulano de Tal", "BRASILIA", null))
			.isEqualTo(BCB_EXAMPLE);
		assertThat(PixPayload.hasValidCrc(BCB_EXAMPLE)).isTrue();
	}

	@Test
	void amountNameCityAndTransactionIdAreWrittenAsEmvFields() {
		String payload = PixPayload.of("ana@example.com", Money.of(9000, "BRL"), "Padaria São João do Brasil Ltda",
				"São Paulo", "HP-1234");
		assertThat(payload).startsWith("000201")
			.contains("0014br.gov.bcb.pix0115ana@example.com")
			.contains("540590.00")
			.contains("5925Padaria Sao Joao do Brasi")
			.contains("6009Sao Paulo")
			.contains("62100506HP1234")
			.matches(".*6304[0-9A-F]{4}$");
		assertThat(PixPayload.hasValidCrc(payload)).isTrue();
	}

	@Test
	void aChangedPayloadFailsItsCrc() {
		String tampered = BCB_EXAMPLE.replace("Fulano", "Fulana");
		assertThat(PixPayload.hasValidCrc(tampered)).isFalse();
		assertThat(PixPayload.hasValidCrc("6304")).isFalse();
		assertThat(PixPayload.hasValidCrc(null)).isFalse();
	}

	@Test
	void onlyReaisArePaidByPix() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PixPayload.of("k", Money.of(100, "USD"), "Name", "City", null));
	}

}
