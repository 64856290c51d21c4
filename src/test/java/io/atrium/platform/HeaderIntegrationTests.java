package io.atrium.platform;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.shared.EmailAddress;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.WebClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout's header and footer show each person the links that are theirs, decided by
 * {@code #viewer} (who is signed in, with which roles): a visitor is invited to log in, a
 * student gets their products, purchases and subscriptions, a producer their business, an
 * admin the administration.
 */
@AtriumIntegrationTest
class HeaderIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Test
	void aVisitorIsInvitedToLogIn() {
		Document page = new WebClient(this.port).get("/").document();
		assertThat(links(page)).contains("/login", "/signup").doesNotContain("/club", "/business", "/admin", "/help");
		assertThat(page.select("form[action=/logout]")).isEmpty();
	}

	@Test
	void eachSignedInPersonSeesTheLinksOfTheirRoles() {
		assertThat(links(signedIn(Set.of(Role.STUDENT))))
			.contains("/club", "/purchases", "/my/subscriptions", "/profile", "/help")
			.doesNotContain("/login", "/business", "/admin");
		assertThat(links(signedIn(Set.of(Role.PRODUCER)))).contains("/business", "/club", "/profile")
			.doesNotContain("/login", "/admin");
		assertThat(links(signedIn(Set.of(Role.ADMIN)))).contains("/admin", "/club")
			.doesNotContain("/login", "/business");
	}

	private Document signedIn(Set<Role> roles) {
		String email = "header-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		this.accounts.createActive(EmailAddress.of(email), "Header Person", PASSWORD, Locale.ENGLISH, roles);
		WebClient client = new WebClient(this.port);
		client.logIn(email, PASSWORD);
		Document page = client.get("/profile").document();
		assertThat(page.select("form[action=/logout]")).as("a log-out button").hasSize(1);
		return page;
	}

	private static List<String> links(Document page) {
		return page.select("header a[href], footer a[href]").eachAttr("href");
	}

}
