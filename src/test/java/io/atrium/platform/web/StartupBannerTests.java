package io.atrium.platform.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StartupBannerTests {

	@Test
	void configuredBaseUrlWins() {
		assertThat(StartupBanner.baseUrl("https://atrium.example.com/", 8080, null))
			.isEqualTo("https://atrium.example.com");
	}

	@Test
	void withoutConfiguredBaseUrlTheRealPortIsUsed() {
		assertThat(StartupBanner.baseUrl("", 41234, null)).isEqualTo("http://localhost:41234");
		assertThat(StartupBanner.baseUrl("http://localhost:0", 41234, "/shop/"))
			.isEqualTo("http://localhost:41234/shop");
	}

	@Test
	void databaseUrlLosesItsOptionsAndSecrets() {
		assertThat(StartupBanner.database("jdbc:postgresql://db:5432/atrium?user=a&password=secret"))
			.isEqualTo("jdbc:postgresql://db:5432/atrium");
		assertThat(StartupBanner.database("jdbc:h2:file:./data/atrium;MODE=PostgreSQL;PASSWORD=x"))
			.isEqualTo("jdbc:h2:file:./data/atrium");
	}

	@Test
	void notesFollowTheAddressInOneBlock() {
		String message = StartupBanner.message("http://localhost:8080", List.of("demo producer: a@b.c / pw"));
		assertThat(message.lines().toList()).containsExactly("Atrium is running at http://localhost:8080",
				"  demo producer: a@b.c / pw");
	}

}
