package io.atrium.accounts.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notice template takes its texts from message keys the notices name; they must exist
 * (MessagesTests then checks every language has them).
 */
class AccountNoticeTests {

	@Test
	void everyNoticeNamesExistingMessages() throws IOException {
		Properties messages = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages/accounts.properties")) {
			messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		for (AccountNotice notice : AccountNotice.values()) {
			assertThat(messages).as(notice.name())
				.containsKeys(notice.subjectKey, notice.introKey, notice.buttonKey, notice.noteKey);
		}
	}

}
