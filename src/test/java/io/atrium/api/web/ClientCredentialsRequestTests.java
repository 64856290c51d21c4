package io.atrium.api.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.atrium.api.web.ClientCredentialsRequest.Presented;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientCredentialsRequestTests {

	private static final String PAIR = b64("client:secret");

	@Test
	void readsTheBasicHeaderInAnyCaseAndWithoutPrefix() {
		Presented expected = new Presented("client", "secret");
		assertThat(ClientCredentialsRequest.read("Basic " + PAIR, null, null)).contains(expected);
		assertThat(ClientCredentialsRequest.read("BASIC   " + PAIR + " ", null, null)).contains(expected);
		assertThat(ClientCredentialsRequest.read(PAIR, null, null)).contains(expected);
		assertThat(ClientCredentialsRequest.read("Basic " + PAIR.replace("=", ""), null, null)).contains(expected);
	}

	@Test
	void secretsMayContainColons() {
		assertThat(ClientCredentialsRequest.read("Basic " + b64("id:se:cret"), null, null))
			.contains(new Presented("id", "se:cret"));
	}

	@Test
	void readsParametersAloneAndChecksThemAgainstTheHeader() {
		assertThat(ClientCredentialsRequest.read(null, "client", "secret")).contains(new Presented("client", "secret"));
		assertThat(ClientCredentialsRequest.read("Basic " + PAIR, "client", "secret")).isPresent();
		assertThat(ClientCredentialsRequest.read("Basic " + PAIR, "client", null)).isPresent();
		assertThat(ClientCredentialsRequest.read("Basic " + PAIR, "other", "secret")).isEmpty();
		assertThat(ClientCredentialsRequest.read("Basic " + PAIR, "client", "other")).isEmpty();
	}

	@Test
	void rejectsWhatCannotBeCredentials() {
		assertThat(ClientCredentialsRequest.read(null, null, null)).isEmpty();
		assertThat(ClientCredentialsRequest.read("", null, null)).isEmpty();
		assertThat(ClientCredentialsRequest.read(null, "client", null)).isEmpty();
		assertThat(ClientCredentialsRequest.read(null, "client", " ")).isEmpty();
		assertThat(ClientCredentialsRequest.read("Basic !!!", null, null)).isEmpty();
		assertThat(ClientCredentialsRequest.read("Basic " + b64("nocolon"), null, null)).isEmpty();
		assertThat(ClientCredentialsRequest.read("Basic " + b64(":secret"), null, null)).isEmpty();
		assertThat(ClientCredentialsRequest.read("Basic " + b64("client:"), null, null)).isEmpty();
		assertThat(ClientCredentialsRequest.read("Bearer " + PAIR, null, null)).isEmpty();
		assertThat(ClientCredentialsRequest.read("Basic " + "QUFB".repeat(5000), null, null)).isEmpty();
		// a malformed header is not rescued by valid parameters
		assertThat(ClientCredentialsRequest.read("Basic !!!", "client", "secret")).isEmpty();
	}

	private static String b64(String value) {
		return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

}
