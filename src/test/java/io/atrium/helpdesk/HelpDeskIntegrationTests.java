package io.atrium.helpdesk;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.shared.EmailAddress;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.TestMail;
import io.atrium.support.WebClient;
import io.atrium.support.WebClient.Page;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A buyer reaches the platform's support: the request is stored, e-mailed to the admin
 * and handled from the admins' inbox.
 */
@AtriumIntegrationTest
class HelpDeskIntegrationTests {

	private static final String PASSWORD = "student password 1";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBuyersRequestReachesTheAdminByEmailAndInTheInbox() {
		String subject = "Payment question " + UUID.randomUUID().toString().substring(0, 8);
		WebClient buyer = signedIn(Role.STUDENT);
		assertThat(buyer.get("/purchases").text()).contains("Contact Atrium support");
		buyer.get("/help");
		Page sent = buyer.submit("/help", Map.of("subject", subject, "message", "Line one\nLine two"));
		assertThat(sent.text()).contains("Your message was sent");

		MimeMessage mail = TestMail.awaitTo(AtriumIntegrationTest.ADMIN_EMAIL, 1, java.time.Duration.ofSeconds(20))
			.stream()
			.filter((m) -> TestMail.subject(m).contains(subject))
			.findFirst()
			.orElseThrow();
		assertThat(TestMail.subject(mail)).isEqualTo("Support request: " + subject);
		String link = TestMail.link(mail, "/admin/help/");

		WebClient admin = new WebClient(this.port);
		admin.logIn(AtriumIntegrationTest.ADMIN_EMAIL, AtriumIntegrationTest.ADMIN_PASSWORD);
		assertThat(admin.get("/admin/help").text()).contains(subject);
		Page request = admin.get(java.net.URI.create(link).getPath());
		assertThat(request.text()).contains(subject).contains("Line one").contains("Open");
		Page handled = admin.submit(java.net.URI.create(link).getPath() + "/handled", Map.of());
		assertThat(handled.text()).contains("Handled").doesNotContain("Mark as handled");
	}

	@Test
	void emptyOrOversizedRequestsAreRefusedAndNothingIsStored() {
		WebClient buyer = signedIn(Role.STUDENT);
		long before = count();
		buyer.get("/help");
		Page empty = buyer.post("/help", Map.of("subject", "", "message", "text"));
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.text()).contains("Write a subject of at most 200 characters");
		Page tooLong = buyer.post("/help", Map.of("subject", "Hi", "message", "x".repeat(5001)));
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(tooLong.text()).contains("Write a message of at most 5000 characters");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void onlyAdminsReadTheInboxAndOnlySignedInPeopleWrite() {
		assertThat(new WebClient(this.port).get("/help").isRedirect()).isTrue();
		WebClient producer = signedIn(Role.PRODUCER);
		assertThat(producer.get("/admin/help").status()).isEqualTo(403);
		assertThat(producer.get("/admin/help/1").status()).isEqualTo(403);
	}

	private long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM helpdesk_requests").query(Long.class).single();
	}

	private WebClient signedIn(Role role) {
		String email = "help-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		this.accounts.createActive(EmailAddress.of(email), "Help Person", PASSWORD, Locale.ENGLISH, Set.of(role));
		WebClient browser = new WebClient(this.port);
		browser.logIn(email, PASSWORD);
		return browser;
	}

}
