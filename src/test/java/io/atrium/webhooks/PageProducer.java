package io.atrium.webhooks;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.shared.EmailAddress;
import io.atrium.support.WebClient;
import io.atrium.support.WebClient.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A producer (or a student) who signs in to the pages, with a browser-like
 * {@link WebClient} of their own.
 *
 * @param id the account's id
 * @param email the e-mail it signs in with
 * @param web its browser
 */
record PageProducer(long id, String email, WebClient web) {

	static final String PASSWORD = "webhook pages password";

	static PageProducer create(Accounts accounts, int port, Role role) {
		String email = WebhookWorld.unique(role.name().toLowerCase(Locale.ROOT));
		long id = accounts.createActive(EmailAddress.of(email), "Paula Pages", PASSWORD, Locale.ENGLISH, Set.of(role))
			.id()
			.value();
		WebClient web = new WebClient(port).language("en");
		web.logIn(email, PASSWORD);
		return new PageProducer(id, email, web);
	}

	/** Chooses the producer's time zone on its page. */
	void zone(String zone) {
		this.web.get("/business/time-zone");
		Page saved = this.web.post("/business/time-zone", Map.of("zone", zone));
		assertThat(saved.status()).as("time zone saved").isEqualTo(302);
	}

	/**
	 * Opens a page first (for its CSRF token, as a person would), then posts a form to an
	 * address.
	 */
	Page post(String from, String to, Map<String, String> fields) {
		Page form = this.web.get(from);
		assertThat(form.status()).as("GET " + from).isEqualTo(200);
		return this.web.post(to, fields);
	}

}
