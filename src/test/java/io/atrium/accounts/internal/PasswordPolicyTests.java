package io.atrium.accounts.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	@Test
	void twelveToOneHundredTwentyEightCharactersWithNoCompositionRules() {
		assertThat(PasswordPolicy.problem(null)).isEqualTo("accounts.password.too-short");
		assertThat(PasswordPolicy.problem("elevenchars")).isEqualTo("accounts.password.too-short");
		assertThat(PasswordPolicy.problem("twelvechars!")).isNull();
		assertThat(PasswordPolicy.problem("all lowercase words are fine")).isNull();
		assertThat(PasswordPolicy.problem("x".repeat(128))).isNull();
		assertThat(PasswordPolicy.problem("x".repeat(129))).isEqualTo("accounts.password.too-long");
	}

	@Test
	void countsCharactersNotUtf16Units() {
		assertThat(PasswordPolicy.problem("🔑".repeat(12))).isNull();
		assertThat(PasswordPolicy.problem("🔑".repeat(11))).isEqualTo("accounts.password.too-short");
	}

}
