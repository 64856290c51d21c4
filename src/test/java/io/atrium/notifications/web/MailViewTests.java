package io.atrium.notifications.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;

import io.atrium.notifications.internal.OutboxMessage;
import io.atrium.notifications.internal.OutboxStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailViewTests {

	@Test
	void everyStatusHasALabel() throws IOException {
		Properties english = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/messages/notifications.properties")) {
			english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		for (OutboxStatus status : OutboxStatus.values()) {
			MailView view = MailView.of(new OutboxMessage(1, "a@b.test", "s", "<p>h</p>", null, "en", "t", status, 0,
					null, Instant.EPOCH, null));
			assertThat(english.getProperty(view.statusKey())).as(view.statusKey()).isNotBlank();
			assertThat(view.failed()).isEqualTo(status == OutboxStatus.FAILED);
		}
	}

}
