package io.atrium.accounts.internal;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * libargon2 and Bouncy Castle's Java implementation (Spring's encoder) write the same
 * kind of hash and verify each other's: switching between them changes no stored
 * password.
 */
class Argon2idPasswordEncoderTests {

	private static final String PASSWORD = "correct horse battery staple";

	private final Argon2idPasswordEncoder encoder = new Argon2idPasswordEncoder();

	private final Argon2idPasswordEncoder javaOnly = new Argon2idPasswordEncoder(null);

	private final Argon2PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);

	@Test
	void theNativeLibraryLoadsOnThisMachine() {
		// every platform CI and the README name is one argon2-jvm bundles libargon2 for
		assertThat(this.encoder.isNative()).isTrue();
		assertThat(this.javaOnly.isNative()).isFalse();
	}

	@Test
	void hashesAreArgon2idWithOwaspParametersAndASaltEach() {
		String hash = this.encoder.encode(PASSWORD);
		assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
		assertThat(this.encoder.encode(PASSWORD)).isNotEqualTo(hash);
		assertThat(this.javaOnly.encode(PASSWORD)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
	}

	@Test
	void eitherImplementationVerifiesTheOthersHashes() {
		String nativeHash = this.encoder.encode(PASSWORD);
		String javaHash = this.spring.encode(PASSWORD);
		assertThat(this.spring.matches(PASSWORD, nativeHash)).isTrue();
		assertThat(this.encoder.matches(PASSWORD, javaHash)).isTrue();
		assertThat(this.javaOnly.matches(PASSWORD, nativeHash)).isTrue();
		assertThat(this.encoder.matches(PASSWORD, nativeHash)).isTrue();
	}

	@Test
	void wrongPasswordsMalformedAndMissingHashesDoNotMatch() {
		String hash = this.encoder.encode(PASSWORD);
		assertThat(this.encoder.matches(PASSWORD + " ", hash)).isFalse();
		assertThat(this.encoder.matches("", hash)).isFalse();
		assertThat(this.encoder.matches(PASSWORD, hash.substring(0, hash.length() - 5))).isFalse();
		assertThat(this.encoder.matches(PASSWORD, "$argon2id$v=19$m=19456,t=2,p=1$not-base64$!!")).isFalse();
		assertThat(this.encoder.matches(PASSWORD, "not a hash")).isFalse();
		assertThat(this.encoder.matches(PASSWORD, null)).isFalse();
		assertThat(this.javaOnly.matches(PASSWORD + " ", hash)).isFalse();
	}

	@Test
	void weakerHashesAreUpgradedOnTheNextLogIn() {
		String weaker = new Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode(PASSWORD);
		assertThat(this.encoder.matches(PASSWORD, weaker)).isTrue();
		assertThat(this.encoder.upgradeEncoding(weaker)).isTrue();
		assertThat(this.encoder.upgradeEncoding(this.encoder.encode(PASSWORD))).isFalse();
	}

}
