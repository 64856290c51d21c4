package io.atrium.subscriptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.atrium.checkout.DeclineReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscription e-mails pick some texts by a value (the decline reason, who cancelled,
 * why it ended), which the bundle check cannot see in the templates: every value has its
 * text in every language.
 */
class SubscriptionMailTextsTests {

	private static final List<String> LANGUAGES = List.of("", "_pt_BR", "_es", "_it");

	@Test
	void everyDeclineReasonAndEveryCancellationHasItsWordsInEveryLanguage() throws IOException {
		List<String> keys = new ArrayList<>();
		for (DeclineReason reason : DeclineReason.values()) {
			keys.add("subscriptions.decline." + reason.name());
		}
		for (Actor actor : Actor.values()) {
			keys.add("subscriptions.mail.cancelled.by-" + actor.name());
		}
		keys.add("subscriptions.mail.cancelled.REFUNDED");
		keys.add("subscriptions.mail.cancelled.CHARGED_BACK");
		for (String language : LANGUAGES) {
			Properties bundle = load("/messages/subscriptions" + language + ".properties");
			assertThat(keys).as("subscriptions" + language)
				.allSatisfy((key) -> assertThat(bundle.getProperty(key)).as(key + " in subscriptions" + language)
					.isNotBlank());
		}
	}

	private static Properties load(String path) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = SubscriptionMailTextsTests.class.getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
