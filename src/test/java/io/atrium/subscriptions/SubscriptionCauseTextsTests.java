package io.atrium.subscriptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every cause a subscription's history records has its words in the four languages (the
 * history table shows {@code subscriptions.cause.<CAUSE>}).
 */
class SubscriptionCauseTextsTests {

	// the aggregate's only upper-case literals are the causes it records
	private static final Pattern CAUSE = Pattern.compile("\"([A-Z][A-Z_]{3,})\"");

	@Test
	void everyRecordedCauseHasTextInEachLanguage() throws IOException {
		Set<String> causes = new TreeSet<>();
		Matcher m = CAUSE.matcher(Files.readString(Path.of("src/main/java/io/atrium/subscriptions/Subscription.java")));
		while (m.find()) {
			causes.add(m.group(1));
		}
		assertThat(causes).contains("RENEWED", "CHARGE_DECLINED", "CANCELLED");
		// recorded by SQL when a subscription is imported, and passed in by
		// SubscriptionRefunds
		causes.addAll(Set.of("IMPORTED", "REFUNDED", "CHARGED_BACK"));
		for (String language : new String[] { "", "_pt_BR", "_es", "_it" }) {
			Properties bundle = new Properties();
			try (InputStream in = getClass()
				.getResourceAsStream("/messages/subscriptions" + language + ".properties")) {
				bundle.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
			}
			for (String cause : causes) {
				assertThat(bundle.getProperty("subscriptions.cause." + cause)).as(cause + " in '" + language + "'")
					.isNotBlank();
			}
		}
	}

}
