package io.atrium.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EmailAddressTests {

	@Test
	void isTrimmedAndLowerCased() {
		assertThat(EmailAddress.of("  Maria.Silva@Example.COM \t").value()).isEqualTo("maria.silva@example.com");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "maria", "maria@", "@example.com", "maria@example", "maria@@example.com",
			"maria silva@example.com", "maria..silva@example.com", "maria@-example.com", "<script>@x.com" })
	void malformedAddressesAreRefused(String input) {
		assertThat(EmailAddress.isValidInput(input)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.of(input));
	}

	@Test
	void nullIsRefused() {
		assertThat(EmailAddress.isValidInput(null)).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.of(null));
	}

	@Test
	void tooLongIsRefused() {
		assertThat(EmailAddress.isValidInput("a".repeat(250) + "@x.io")).isFalse();
	}

}
