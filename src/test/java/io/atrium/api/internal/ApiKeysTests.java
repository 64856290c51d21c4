package io.atrium.api.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ApiKeysTests {

	private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

	@Test
	void secretsAreHashedWithAKeyAndComparedExactly() {
		ApiKeys keys = keys(KEY);
		byte[] stored = keys.secretHmac("secret");
		assertThat(stored).hasSize(32);
		assertThat(keys.secretMatches("secret", stored)).isTrue();
		assertThat(keys.secretMatches("secreT", stored)).isFalse();
		String otherKey = Base64.getEncoder().encodeToString("another key of at least 32 bytes!".getBytes());
		assertThat(keys(otherKey).secretMatches("secret", stored)).isFalse();
	}

	@Test
	void sealedValuesOpenOnlyUnderTheSameKey() {
		byte[] sealed = keys(KEY).seal("the response".getBytes(StandardCharsets.UTF_8));
		assertThat(new String(keys(KEY).open(sealed), StandardCharsets.UTF_8)).isEqualTo("the response");
		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("the response");
		sealed[sealed.length - 1] ^= 1;
		assertThatIllegalStateException().isThrownBy(() -> keys(KEY).open(sealed));
	}

	@Test
	void randomTokensAre256BitsBase64Url() {
		String token = keys(KEY).randomToken();
		assertThat(token).matches("[A-Za-z0-9_-]{43}");
		assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
		assertThat(keys(KEY).randomToken()).isNotEqualTo(token);
	}

	@Test
	void aConfiguredKeyMustBeBase64OfAtLeast32Bytes() {
		assertThatIllegalStateException().isThrownBy(() -> keys(Base64.getEncoder().encodeToString(new byte[16])))
			.withMessageContaining("at least 32 bytes");
		assertThatIllegalStateException().isThrownBy(() -> keys("not base64 at all!"))
			.withMessageContaining("not base64");
	}

	private static ApiKeys keys(String configured) {
		return new ApiKeys(new ApiProperties(configured, 500), null, new NoTransactions(), Clock.systemUTC());
	}

	private static final class NoTransactions extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, org.springframework.transaction.TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	}

}
