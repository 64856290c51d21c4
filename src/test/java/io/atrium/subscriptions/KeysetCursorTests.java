package io.atrium.subscriptions;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Page tokens: opaque, URL-safe, read back exactly, refused when another list issued them
 * or when they were made up.
 */
class KeysetCursorTests {

	@Test
	void aTokenIsUrlSafeAndReadsBackToItsPosition() {
		String token = KeysetCursor.after("subscriptions", 1_767_225_600_123_456L, 42).token();
		assertThat(token).matches("[A-Za-z0-9_-]+");
		KeysetCursor read = KeysetCursor.parse("subscriptions", 2, token);
		assertThat(read.backward()).isFalse();
		assertThat(read.value(0)).isEqualTo(1_767_225_600_123_456L);
		assertThat(read.value(1)).isEqualTo(42);
		assertThat(read).isEqualTo(KeysetCursor.after("subscriptions", 1_767_225_600_123_456L, 42));
		KeysetCursor before = KeysetCursor.parse("subscriptions", 2,
				KeysetCursor.before("subscriptions", -5, 7).token());
		assertThat(before.backward()).isTrue();
		assertThat(before.value(0)).isEqualTo(-5);
	}

	@Test
	void noTokenIsTheFirstPage() {
		assertThat(KeysetCursor.parse("subscriptions", 2, null)).isNull();
		assertThat(KeysetCursor.parse("subscriptions", 2, "  ")).isNull();
	}

	@Test
	void tokensOfAnotherListOrMadeUpAreRefused() {
		String transactions = KeysetCursor.after("transactions", 9).token();
		assertThatThrownBy(() -> KeysetCursor.parse("subscriptions", 2, transactions))
			.isInstanceOf(KeysetCursor.InvalidCursor.class);
		assertThatThrownBy(() -> KeysetCursor.parse("transactions", 2, transactions))
			.isInstanceOf(KeysetCursor.InvalidCursor.class);
		String pageStyle = Base64.getEncoder()
			.encodeToString("{\"page\":2,\"rows\":10}".getBytes(StandardCharsets.UTF_8));
		for (String bad : new String[] { "garbage!", pageStyle, "e30", "x".repeat(500),
				encode("{\"list\":\"subscriptions\",\"after\":[99999999999999999999,1]}") }) {
			assertThatThrownBy(() -> KeysetCursor.parse("subscriptions", 2, bad)).as(bad)
				.isInstanceOf(KeysetCursor.InvalidCursor.class);
		}
	}

	private static String encode(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
