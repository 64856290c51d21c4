package io.atrium.webhooks;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Atrium's signatures against the Standard Webhooks reference example and an independent
 * verifier.
 */
class WebhookSignaturesTests {

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	@Test
	void theReferenceExampleSignsAsTheSpecificationSays() {
		assertThat(WebhookSignatures.sign(List.of(SECRET), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
				"{\"test\": 2432232314}"))
			.isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void duringARotationBothSecretsSignAndEitherVerifies() {
		String old = WebhookSignatures.newSecret();
		String current = WebhookSignatures.newSecret();
		long now = 1_800_000_000L;
		String header = WebhookSignatures.sign(List.of(current, old), "evt", now, "{\"a\":1}");
		assertThat(header.split(" ")).hasSize(2).allSatisfy((s) -> assertThat(s).startsWith("v1,"));
		Instant at = Instant.ofEpochSecond(now);
		assertThat(StandardWebhooksCheck.verifies(current, "evt", Long.toString(now), header, "{\"a\":1}", at))
			.isTrue();
		assertThat(StandardWebhooksCheck.verifies(old, "evt", Long.toString(now), header, "{\"a\":1}", at)).isTrue();
		assertThat(StandardWebhooksCheck.verifies(WebhookSignatures.newSecret(), "evt", Long.toString(now), header,
				"{\"a\":1}", at))
			.isFalse();
		assertThat(StandardWebhooksCheck.verifies(current, "evt", Long.toString(now), header, "{\"a\":2}", at))
			.isFalse();
		assertThat(StandardWebhooksCheck.verifies(current, "evt", Long.toString(now), header, "{\"a\":1}",
				at.plusSeconds(301)))
			.isFalse();
	}

	@Test
	void newSecretsAreStandardWebhooksSecretsOf32RandomBytes() {
		String secret = WebhookSignatures.newSecret();
		assertThat(secret).startsWith("whsec_");
		assertThat(java.util.Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
		assertThat(WebhookSignatures.newSecret()).isNotEqualTo(secret);
	}

}
