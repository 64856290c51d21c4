package io.atrium.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.api.ApiCredentials;
import io.atrium.catalog.Catalog;
import io.atrium.platform.StartupNotes;
import io.atrium.shared.EmailAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo on the first start with an empty database and remembers the logins to
 * print.
 */
@Component
class DemoData implements StartupNotes {

	static final String PASSWORD = "atrium-demo-password";

	static final String PRODUCER = "producer@demo.atrium.test";

	static final String ADMIN = "admin@demo.atrium.test";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final Accounts accounts;

	private final ApiCredentials credentials;

	private final Catalog catalog;

	private final DemoCatalog demoCatalog;

	private final DemoPurchases demoPurchases;

	private final DemoClub demoClub;

	private final DemoSubscriptions demoSubscriptions;

	private final boolean enabled;

	private final String clientId;

	private final String clientSecret;

	private final List<String> logins = new ArrayList<>();

	DemoData(Accounts accounts, ApiCredentials credentials, Catalog catalog, DemoCatalog demoCatalog,
			DemoPurchases demoPurchases, DemoClub demoClub, DemoSubscriptions demoSubscriptions,
			@Value("${atrium.demo.enabled:true}") boolean enabled, @Value("${atrium.demo.client-id:}") String clientId,
			@Value("${atrium.demo.client-secret:}") String clientSecret) {
		this.accounts = accounts;
		this.credentials = credentials;
		this.catalog = catalog;
		this.demoCatalog = demoCatalog;
		this.demoPurchases = demoPurchases;
		this.demoClub = demoClub;
		this.demoSubscriptions = demoSubscriptions;
		this.enabled = enabled;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(-10)
	void seedOnFirstStart() {
		if (!this.enabled) {
			return;
		}
		var producer = this.accounts.findByEmail(EmailAddress.of(PRODUCER));
		if (producer.isPresent()) {
			demoCredentials(producer.get().id().value());
			demoCatalog(producer.get().id().value());
			this.logins.addAll(logins());
			return;
		}
		log.info("Empty database: seeding the demo data");
		this.accounts.createActive(EmailAddress.of(ADMIN), "Atrium Admin", PASSWORD, Locale.ENGLISH,
				Set.of(Role.ADMIN));
		var created = this.accounts.createActive(EmailAddress.of(PRODUCER), "Paula Produtora", PASSWORD,
				Locale.forLanguageTag("pt-BR"), Set.of(Role.PRODUCER));
		student("ana@demo.atrium.test", "Ana Costa", "pt-BR");
		student("bruno@demo.atrium.test", "Bruno Díaz", "es");
		student("chiara@demo.atrium.test", "Chiara Rossi", "it");
		student("david@demo.atrium.test", "David Miller", "en");
		demoCredentials(created.id().value());
		demoCatalog(created.id().value());
		this.logins.addAll(logins());
	}

	@Override
	public List<String> startupNotes(String baseUrl) {
		return List.copyOf(this.logins);
	}

	/**
	 * With {@code ATRIUM_DEMO_CLIENT_ID} and {@code ATRIUM_DEMO_CLIENT_SECRET} set, the
	 * demo producer gets API credentials with exactly those values, on every start.
	 */
	private void demoCredentials(long producerId) {
		if (this.clientId.isBlank() || this.clientSecret.isBlank()) {
			return;
		}
		this.credentials.createWithValues(producerId, "Demo", this.clientId.strip(), this.clientSecret.strip());
		this.logins.add("API credentials of the demo producer: client id " + this.clientId.strip()
				+ " (from ATRIUM_DEMO_CLIENT_ID)");
	}

	/**
	 * The demo producer's products, offers and coupons, then a few hundred purchases, the
	 * members area and the subscribers, each once: a database seeded before the catalog
	 * or the purchases existed gets them on its next start.
	 */
	private void demoCatalog(long producerId) {
		if (this.catalog.productsOf(producerId).isEmpty()) {
			this.demoCatalog.seed(producerId, PRODUCER);
		}
		long started = System.nanoTime();
		int purchases = this.demoPurchases.seed(producerId);
		if (purchases > 0) {
			log.info("Demo purchases: {} in {} ms", purchases, (System.nanoTime() - started) / 1_000_000);
		}
		if (this.demoClub.seed(producerId)) {
			log.info("Demo members area seeded at /club/{}", DemoClub.SUBDOMAIN);
		}
		this.demoClub.seedRecipes(producerId);
		started = System.nanoTime();
		int subscribers = this.demoSubscriptions.seed(producerId);
		if (subscribers > 0) {
			log.info("Demo subscriptions: {} in {} ms", subscribers, (System.nanoTime() - started) / 1_000_000);
		}
	}

	private void student(String email, String name, String language) {
		this.accounts.createActive(EmailAddress.of(email), name, PASSWORD, Locale.forLanguageTag(language),
				Set.of(Role.STUDENT));
	}

	private static List<String> logins() {
		return List.of("demo logins (password for all: " + PASSWORD + ")", "  producer: " + PRODUCER,
				"  admin:    " + ADMIN + " (e-mails without SMTP: /admin/mailbox)",
				"  students: ana@, bruno@, chiara@, david@demo.atrium.test (members area: /club/" + DemoClub.SUBDOMAIN
						+ ", page password " + DemoClub.PAGE_PASSWORD + ")",
				"  subscriber: " + DemoSubscriptions.DAVID + " (My subscriptions: /my/subscriptions)");
	}

}
