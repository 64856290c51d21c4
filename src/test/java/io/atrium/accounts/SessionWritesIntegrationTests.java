package io.atrium.accounts;

import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.atrium.shared.EmailAddress;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.WebClient;
import io.atrium.support.WebClient.Page;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in session is written to the database only when something in it changed, or
 * when its last-access time moved by a minute or more (accounts' {@code SessionWrites}):
 * opening pages and style sheets is no longer an {@code UPDATE} per request, and the
 * session still lives as long as it is used.
 */
@AtriumIntegrationTest
class SessionWritesIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Test
	void pagesOpenedWithinAMinuteLeaveTheSessionRowAloneAndALaterOneMovesItsExpiry() {
		String email = "sessions-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		this.accounts.createActive(EmailAddress.of(email), "Sara Sessions", PASSWORD, Locale.ENGLISH, Set.of());
		WebClient browser = new WebClient(this.port);
		assertThat(browser.logIn(email, PASSWORD).path()).as("signed in").doesNotStartWith("/login");
		String id = sessionId(browser);
		long[] afterLogIn = times(id);

		for (String path : new String[] { "/purchases", "/club", "/purchases", "/css/atrium.css" }) {
			assertThat(browser.get(path).status()).isEqualTo(200);
		}
		assertThat(times(id)).as("last access and expiry, unchanged").containsExactly(afterLogIn);

		// the session was last written two minutes ago: the next page writes it again
		long twoMinutes = 120_000;
		this.jdbc
			.sql("UPDATE spring_session SET last_access_time = last_access_time - ?, expiry_time = expiry_time - ? "
					+ "WHERE session_id = ?")
			.params(twoMinutes, twoMinutes, id)
			.update();
		Page purchases = browser.get("/purchases");
		assertThat(purchases.status()).as("still signed in").isEqualTo(200);
		long[] moved = times(id);
		assertThat(moved[0]).isGreaterThanOrEqualTo(afterLogIn[0]);
		assertThat(moved[1] - moved[0]).as("expiry follows the last access").isEqualTo(afterLogIn[1] - afterLogIn[0]);

		// what the session holds is still written at once: logging out ends it
		browser.get("/purchases");
		browser.post("/logout", Map.of());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE session_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isZero();
		assertThat(browser.get("/purchases").status()).isEqualTo(302);
	}

	private static String sessionId(WebClient browser) {
		return new String(Base64.getDecoder().decode(browser.cookie("ATRIUM_SESSION").getValue()));
	}

	private long[] times(String sessionId) {
		return this.jdbc.sql("SELECT last_access_time, expiry_time FROM spring_session WHERE session_id = ?")
			.param(sessionId)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

}
