package io.atrium.api;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CreatedCredentialTests {

	@Test
	void toStringNeverShowsTheSecret() {
		CreatedCredential created = new CreatedCredential(1, "n", "id", "s3cr3t-value", "YmFzaWM=", Instant.EPOCH);
		assertThat(created.toString()).contains("id").doesNotContain("s3cr3t-value").doesNotContain("YmFzaWM=");
	}

}
