package io.atrium.accounts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.atrium.accounts.internal.LoginThrottlePolicy;
import io.atrium.shared.EmailAddress;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.TestClock;
import io.atrium.support.TestMail;
import io.atrium.support.WebClient;
import io.atrium.support.WebClient.Page;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts over real HTTP, with real e-mail: sign-up, activation, log-in, throttling,
 * password reset, roles and languages.
 */
@AtriumIntegrationTest
class AccountsIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestClock clock;

	@Autowired
	Accounts accounts;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void producerSignsUpActivatesFromTheEmailAndLogsIn() {
		String email = unique("maria");
		WebClient browser = browser();
		browser.get("/signup");
		Page sent = browser.post("/signup", Map.of("name", "Maria Silva", "email", "  " + email.toUpperCase() + " "));
		assertThat(sent.status()).isEqualTo(200);
		assertThat(sent.text()).contains("We sent a message to " + email);
		assertThat(accountsWithEmail(email)).isOne();

		MimeMessage mail = TestMail.awaitNth(email, 1);
		assertThat(TestMail.subject(mail)).isEqualTo("Activate your Atrium account");
		String link = TestMail.link(mail, "/activate/");

		Page form = browser.get(link);
		assertThat(form.status()).isEqualTo(200);
		assertThat(browser.post(path(link), Map.of("password", "short", "confirmation", "short")).status())
			.isEqualTo(422);
		assertThat(browser.post(path(link), Map.of("password", PASSWORD, "confirmation", PASSWORD + "x")).text())
			.contains("The two passwords are not the same");
		Page activated = browser.submit(path(link), Map.of("password", PASSWORD, "confirmation", PASSWORD));
		// activation signs the producer in
		assertThat(activated.path()).isEqualTo("/business");
		assertThat(activated.text()).contains("Welcome, Maria Silva");

		Page home = browser.logIn(email, PASSWORD);
		assertThat(home.path()).isEqualTo("/business");
		assertThat(home.text()).contains("Welcome, Maria Silva").contains("Manage my business");

		Page reused = browser().get(link);
		assertThat(reused.status()).isEqualTo(410);
		assertThat(reused.text()).contains("This link no longer works");
	}

	@Test
	void oneAccountPerEmailWhateverTheCase() {
		String email = unique("joao");
		WebClient browser = browser();
		browser.get("/signup");
		browser.post("/signup", Map.of("name", "João", "email", email));
		browser.get("/signup");
		Page again = browser.post("/signup", Map.of("name", "Other", "email", " " + email.toUpperCase()));
		assertThat(again.text()).contains("We sent a message to " + email);
		assertThat(accountsWithEmail(email)).isOne();
		TestMail.awaitTo(email, 2, Duration.ofSeconds(20));
	}

	@Test
	void malformedEmailIsRefusedWithAMessageAndNothingIsCreated() {
		WebClient browser = browser();
		browser.get("/signup");
		Page page = browser.post("/signup", Map.of("name", "Ana Malformed", "email", "ana@@example"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text()).contains("Enter a valid e-mail address");
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM accounts WHERE name = 'Ana Malformed'").query(Long.class).single())
			.isZero();
		Page empty = browser.post("/signup", Map.of("name", "", "email", ""));
		assertThat(empty.text()).contains("Enter your name").contains("Enter your e-mail address");
	}

	@Test
	void forgotPasswordAndActivationResendRefuseMalformedOrBlankAddresses() {
		WebClient browser = browser();
		for (String bad : List.of("ana@@example", "")) {
			browser.get("/forgot-password");
			Page forgot = browser.post("/forgot-password", Map.of("email", bad));
			assertThat(forgot.status()).isEqualTo(422);
			assertThat(forgot.document().selectFirst("#email-problem").text())
				.startsWith("Enter a valid e-mail address");
			assertThat(forgot.document().selectFirst("#email").attr("value")).isEqualTo(bad);
			Page resend = browser.post("/activation/resend", Map.of("email", bad));
			assertThat(resend.status()).isEqualTo(422);
			assertThat(resend.text()).contains("Enter a valid e-mail address");
		}
	}

	@Test
	void formsWithoutCsrfTokenAreRejected() {
		WebClient browser = browser();
		Page page = browser.post("/signup", Map.of("name", "X", "email", unique("csrf"), "_csrf", "forged"));
		assertThat(page.status()).isEqualTo(403);
	}

	@Test
	void wrongPasswordSaysSoWithoutTellingWhetherTheAccountExists() {
		String email = activeProducer("wrong");
		Page known = browser().from(address()).logIn(email, "not the password at all");
		Page unknown = browser().from(address()).logIn(unique("nobody"), "not the password at all");
		assertThat(known.path()).isEqualTo("/login");
		assertThat(known.text()).contains("Wrong e-mail or password");
		assertThat(unknown.text()).isEqualTo(known.text());
	}

	@Test
	void repeatedFailuresSlowDownThenLockTheAccountForAWhile() {
		String email = activeProducer("locked");
		WebClient browser = browser().from(address());
		for (int i = 1; i <= 3; i++) {
			browser.logIn(email, "wrong password " + i);
		}
		// the third failure asks for 5 seconds; a slow machine may take some of them
		// already
		assertThat(browser.logIn(email, PASSWORD).text()).containsPattern("Wait [1-5] seconds? before trying again");
		for (int failures = 4; failures <= 10; failures++) {
			this.clock.advance(Duration.ofMinutes(1));
			browser.logIn(email, "wrong password " + failures);
		}
		Page locked = browser.logIn(email, PASSWORD);
		assertThat(locked.path()).isEqualTo("/login");
		assertThat(locked.text()).contains("locked for 15 minute(s)");
		assertThat(failedLogins(email)).isEqualTo(10);

		this.clock.advance(Duration.ofMinutes(16));
		assertThat(browser.logIn(email, PASSWORD).path()).isEqualTo("/business");
		assertThat(failedLogins(email)).isZero();
	}

	@Test
	void eachFailedLogInCountsOnceAndOnlyTheTenthLocksTheAccount() {
		String email = activeProducer("once");
		WebClient browser = browser().from(address());
		for (int failures = 1; failures < LoginThrottlePolicy.LOCK_FROM; failures++) {
			browser.logIn(email, "wrong password " + failures);
			assertThat(failedLogins(email)).as("one failure counts once").isEqualTo(failures);
			this.clock.advance(Duration.ofMinutes(1));
		}
		assertThat(browser.logIn(email, PASSWORD).path()).as("nine failures do not lock").isEqualTo("/business");

		String other = activeProducer("tenth");
		WebClient attacker = browser().from(address());
		for (int failures = 1; failures <= LoginThrottlePolicy.LOCK_FROM; failures++) {
			this.clock.advance(Duration.ofMinutes(1));
			attacker.logIn(other, "wrong password " + failures);
		}
		assertThat(failedLogins(other)).isEqualTo(LoginThrottlePolicy.LOCK_FROM);
		assertThat(attacker.logIn(other, PASSWORD).text()).as("the tenth locks").contains("locked for 15 minute(s)");
	}

	@Test
	void oneAddressTryingManyAccountsIsStopped() {
		String from = address();
		WebClient browser = browser().from(from);
		for (int i = 0; i < 29; i++) {
			browser.logIn(unique("spray" + i), "guessing password");
		}
		String victim = activeProducer("victim");
		assertThat(browser.logIn(victim, PASSWORD).path()).as("29 failures do not block the address")
			.isEqualTo("/business");
		browser.logIn(unique("spray-last"), "guessing password");
		Page blocked = browser().from(from).logIn(victim, PASSWORD);
		assertThat(blocked.path()).isEqualTo("/login");
		assertThat(blocked.text()).contains("Too many failed attempts from your network");
	}

	@Test
	void anonymousSignUpWithAnExistingAccountChangesNothingAndTellsTheOwner() {
		String email = unique("buyer");
		this.accounts.createActive(EmailAddress.of(email), "Bea Buyer", PASSWORD, java.util.Locale.ENGLISH,
				Set.of(Role.STUDENT));
		WebClient stranger = browser();
		stranger.get("/signup");
		Page existing = stranger.post("/signup", Map.of("name", "Mallory", "email", email));
		String fresh = unique("fresh");
		stranger.get("/signup");
		Page created = stranger.post("/signup", Map.of("name", "Mallory", "email", fresh));
		assertThat(existing.status()).isEqualTo(created.status()).isEqualTo(200);
		assertThat(existing.text().replace(email, "X")).isEqualTo(created.text().replace(fresh, "X"));

		assertThat(this.jdbc.sql("SELECT is_producer FROM accounts WHERE email = ?")
			.param(email)
			.query(Boolean.class)
			.single()).as("the account did not become a producer").isFalse();
		assertThat(this.jdbc.sql("SELECT name FROM accounts WHERE email = ?").param(email).query(String.class).single())
			.isEqualTo("Bea Buyer");
		MimeMessage mail = TestMail.awaitNth(email, 1);
		assertThat(TestMail.subject(mail)).isEqualTo("Someone tried to sign up with your address");
		assertThat(TestMail.body(mail)).contains("Nothing was changed").contains("Start selling");

		WebClient owner = browser();
		assertThat(owner.logIn(email, PASSWORD).path()).isEqualTo("/purchases");
		assertThat(owner.get("/business").status()).isEqualTo(403);
		owner.get("/profile");
		assertThat(owner.submit("/profile/start-selling", Map.of()).path()).isEqualTo("/business");
	}

	@Test
	void formsThatSendEmailAreLimitedPerAddressTheSameForEveryAddress() {
		// the sign-up of the known address counted once; a resend for the unknown one too
		String known = activeProducer("flooded");
		String unknown = unique("nobody-flooded");
		WebClient first = browser();
		first.get("/signup");
		assertThat(first.post("/activation/resend", Map.of("email", unknown)).status()).isEqualTo(200);
		for (String email : List.of(known, unknown)) {
			WebClient browser = browser();
			for (int i = 0; i < 4; i++) {
				browser.get("/forgot-password");
				assertThat(browser.post("/forgot-password", Map.of("email", email)).status()).isEqualTo(200);
			}
		}
		TestMail.awaitTo(known, 5, Duration.ofSeconds(30));
		Page knownRefused = sixth(known);
		Page unknownRefused = sixth(unknown);
		assertThat(knownRefused.status()).isEqualTo(unknownRefused.status()).isEqualTo(429);
		assertThat(knownRefused.header("Retry-After")).matches("[0-9]+");
		assertThat(knownRefused.text()).contains("Too many e-mails were requested").isEqualTo(unknownRefused.text());
		WebClient other = browser();
		other.get("/signup");
		assertThat(other.post("/signup", Map.of("name", "Again", "email", known)).status())
			.as("one allowance per address for every form")
			.isEqualTo(429);

		assertThat(TestMail.to(known)).as("refused requests sent nothing").hasSize(5);

		this.clock.advance(Duration.ofHours(1));
		assertThat(sixth(known).status()).as("the allowance refills within an hour").isEqualTo(200);
	}

	@Test
	void formsThatSendEmailAreLimitedPerClientAddress() {
		WebClient client = browser();
		for (int i = 0; i < 20; i++) {
			String email = unique("client" + i);
			String form = List.of("/signup", "/forgot-password").get(i % 2);
			client.get(form);
			assertThat(client.post(form, Map.of("name", "Someone", "email", email)).status()).isEqualTo(200);
		}
		client.get("/signup");
		Page refused = client.post("/activation/resend", Map.of("email", unique("client-last")));
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.text()).contains("Too many e-mails were requested");
		WebClient another = browser();
		another.get("/signup");
		Page elsewhere = another.post("/activation/resend", Map.of("email", unique("client-other")));
		assertThat(elsewhere.status()).as("another client is not affected").isEqualTo(200);
	}

	private Page sixth(String email) {
		WebClient browser = browser();
		browser.get("/forgot-password");
		return browser.post("/forgot-password", Map.of("email", email));
	}

	@Test
	void forgotPasswordAnswersTheSameForUnknownAddressesAndResetsEverywhere() {
		String email = activeProducer("reset");
		WebClient other = browser();
		assertThat(other.logIn(email, PASSWORD).path()).isEqualTo("/business");

		WebClient browser = browser();
		browser.get("/forgot-password");
		Page known = browser.post("/forgot-password", Map.of("email", email));
		browser.get("/forgot-password");
		Page unknown = browser.post("/forgot-password", Map.of("email", unique("ghost")));
		assertThat(known.status()).isEqualTo(unknown.status()).isEqualTo(200);
		assertThat(known.text().replace(email, "X")).isEqualTo(unknown.text().replaceAll("ghost-[^ ]+", "X"));

		MimeMessage mail = TestMail.awaitNth(email, 2);
		assertThat(TestMail.subject(mail)).isEqualTo("Choose a new Atrium password");
		String link = TestMail.link(mail, "/reset-password/");
		browser.get(link);
		Page tooShort = browser.post(path(link), Map.of("password", "short", "confirmation", "short"));
		assertThat(tooShort.status()).isEqualTo(422);
		assertThat(tooShort.document().selectFirst("#password-error").text())
			.isEqualTo("The password needs at least 12 characters.");
		assertThat(tooShort.document().selectFirst("#password").attr("aria-invalid")).isEqualTo("true");
		Page mismatch = browser.post(path(link),
				Map.of("password", "a brand new passphrase", "confirmation", "another passphrase"));
		assertThat(mismatch.status()).isEqualTo(422);
		assertThat(mismatch.document().selectFirst("#confirmation-error").text())
			.isEqualTo("The two passwords are not the same.");
		assertThat(mismatch.document().selectFirst("#password-error")).isNull();
		assertThat(browser().logIn(email, PASSWORD).path()).as("nothing changed yet").isEqualTo("/business");
		String newPassword = "a brand new passphrase";
		Page done = browser.submit(path(link), Map.of("password", newPassword, "confirmation", newPassword));
		assertThat(done.text()).contains("Your password was changed");

		assertThat(TestMail.subject(TestMail.awaitNth(email, 3))).isEqualTo("Your Atrium password was changed");
		assertThat(other.get("/profile").isRedirect()).as("the other session ended").isTrue();
		assertThat(browser().logIn(email, PASSWORD).path()).isEqualTo("/login");
		assertThat(browser().logIn(email, newPassword).path()).isEqualTo("/business");
		assertThat(browser().get(link).status()).as("a reset link works once").isEqualTo(410);
	}

	@Test
	void resetLinksExpireAfterAnHour() {
		String email = activeProducer("expired");
		WebClient browser = browser();
		browser.get("/forgot-password");
		browser.post("/forgot-password", Map.of("email", email));
		String link = TestMail.link(TestMail.awaitNth(email, 2), "/reset-password/");
		this.clock.advance(Duration.ofMinutes(61));
		assertThat(browser.get(link).status()).isEqualTo(410);
		browser.get("/forgot-password");
		assertThat(browser.post(path(link), Map.of("password", PASSWORD, "confirmation", PASSWORD)).status())
			.isEqualTo(410);
	}

	@Test
	void activationLinksExpireAfter72HoursAndCanBeSentAgain() {
		String email = unique("late");
		WebClient browser = browser();
		browser.get("/signup");
		browser.post("/signup", Map.of("name", "Late", "email", email));
		String first = TestMail.link(TestMail.awaitNth(email, 1), "/activate/");
		this.clock.advance(Duration.ofHours(73));
		Page expired = browser.get(first);
		assertThat(expired.status()).isEqualTo(410);
		browser.post("/activation/resend", Map.of("email", email));
		String second = TestMail.link(TestMail.awaitNth(email, 2), "/activate/");
		browser.get(second);
		assertThat(browser.submit(path(second), Map.of("password", PASSWORD, "confirmation", PASSWORD)).path())
			.isEqualTo("/business");
	}

	@Test
	void garbageTokensAreAClearError() {
		assertThat(browser().get("/activate/not-a-token").status()).isEqualTo(410);
		assertThat(browser().get("/reset-password/" + "x".repeat(500)).status()).isEqualTo(410);
	}

	@Test
	void emailsAndPagesSpeakTheAccountsLanguage() {
		String email = unique("lucia");
		WebClient browser = browser().language("pt-BR");
		browser.get("/signup");
		browser.post("/signup", Map.of("name", "Lúcia", "email", email));
		MimeMessage mail = TestMail.awaitNth(email, 1);
		assertThat(TestMail.subject(mail)).isEqualTo("Ative sua conta na Atrium");
		String link = TestMail.link(mail, "/activate/");
		browser.get(link);
		browser.submit(path(link), Map.of("password", PASSWORD, "confirmation", PASSWORD));

		WebClient italian = browser().language("it");
		Page business = italian.logIn(email, PASSWORD);
		assertThat(business.text()).as("the account's language wins over the browser's")
			.contains("Gerenciar meu negócio");
		italian.get("/profile");
		italian.submit("/profile", Map.of("name", "Lúcia Souza", "language", "es"));
		assertThat(italian.get("/business").text()).contains("Gestionar mi negocio").contains("Lúcia Souza");
		italian.get("/business?lang=it");
		assertThat(italian.get("/profile").text()).contains("Il tuo profilo");
	}

	@Test
	void badProfileInputIsShownNextToTheFieldsAndNothingIsSaved() {
		String email = activeProducer("profile");
		WebClient browser = browser();
		browser.logIn(email, PASSWORD);
		browser.get("/profile");
		Page blank = browser.post("/profile", Map.of("name", "   ", "language", "xx"));
		assertThat(blank.status()).isEqualTo(422);
		assertThat(blank.document().selectFirst("#name-error").text()).isEqualTo("Enter your name.");
		assertThat(blank.document().selectFirst("#language-error").text())
			.isEqualTo("Choose one of the languages in the list.");
		Page tooLong = browser.post("/profile", Map.of("name", "x".repeat(201), "language", "es"));
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(tooLong.document().selectFirst("#name-error").text()).contains("200");
		assertThat(this.jdbc.sql("SELECT name FROM accounts WHERE email = ?").param(email).query(String.class).single())
			.isEqualTo("profile");
		Page saved = browser.submit("/profile", Map.of("name", "Perfil Novo", "language", "es"));
		assertThat(saved.text()).contains("Tu perfil se guardó");
		assertThat(saved.document().selectFirst("#name").attr("value")).isEqualTo("Perfil Novo");
	}

	@Test
	void oneAccountCanBeStudentAndProducerAndTheHeaderSwitches() {
		String email = unique("student");
		WebClient admin = browser();
		admin.logIn(AtriumIntegrationTest.ADMIN_EMAIL, AtriumIntegrationTest.ADMIN_PASSWORD);
		admin.get("/admin/students/invite");
		Page invited = admin.submit("/admin/students/invite",
				Map.of("email", email, "name", "Student One", "language", "en"));
		assertThat(invited.text()).contains("Invitation sent to " + email);
		MimeMessage mail = TestMail.awaitNth(email, 1);
		assertThat(TestMail.subject(mail)).isEqualTo("You have been given access on Atrium");

		WebClient student = browser();
		String link = TestMail.link(mail, "/activate/");
		student.get(link);
		student.submit(path(link), Map.of("password", PASSWORD, "confirmation", PASSWORD));
		Page purchases = student.logIn(email, PASSWORD);
		assertThat(purchases.path()).isEqualTo("/purchases");
		assertThat(purchases.text()).contains("My purchases").doesNotContain("Manage my business");
		assertThat(student.get("/business").status()).isEqualTo(403);
		assertThat(student.get("/admin").status()).isEqualTo(403);

		student.get("/profile");
		Page business = student.submit("/profile/start-selling", Map.of());
		assertThat(business.path()).isEqualTo("/business");
		assertThat(business.text()).contains("Manage my business").contains("My purchases");
		assertThat(accountsWithEmail(email)).isOne();
	}

	@Test
	void sessionCookieIsHttpOnlyAndSameSite() {
		String email = activeProducer("cookie");
		WebClient browser = browser();
		browser.get("/login");
		Page login = browser.post("/login", Map.of("email", email, "password", PASSWORD));
		assertThat(login.isRedirect()).isTrue();
		assertThat(login.location()).doesNotContain("/login");
		String cookie = String.join(";", login.headers("Set-Cookie"));
		assertThat(cookie).contains("ATRIUM_SESSION=").contains("HttpOnly").contains("SameSite=Lax");
	}

	@Test
	void aFormBeforeLogInStartsNoSessionAndKeepsItsTokenInACookieUntilThereIsOne() {
		String email = activeProducer("csrf-cookie");
		WebClient browser = browser();
		Page form = browser.get("/login");
		assertThat(browser.cookie("ATRIUM_SESSION")).as("no session for a form").isNull();
		String cookie = String.join(";", form.headers("Set-Cookie"));
		assertThat(cookie).contains("ATRIUM_CSRF=").contains("HttpOnly").contains("SameSite=Lax");
		String formToken = form.document().selectFirst("input[name=_csrf]").attr("value");

		// the cookie alone, or a token of another form, is not enough
		assertThat(browser.post("/login", Map.of("email", email, "password", PASSWORD, "_csrf", "forged")).status())
			.isEqualTo(403);
		assertThat(browser().get("/login").status()).isEqualTo(200);
		String strangersToken = browser().get("/login").document().selectFirst("input[name=_csrf]").attr("value");
		assertThat(
				browser.post("/login", Map.of("email", email, "password", PASSWORD, "_csrf", strangersToken)).status())
			.isEqualTo(403);

		// its own form's token signs in; the cookie's token is then cleared and the
		// session's takes over
		Page in = browser.post("/login", Map.of("email", email, "password", PASSWORD, "_csrf", formToken));
		assertThat(in.location()).doesNotContain("/login");
		assertThat(String.join(";", in.headers("Set-Cookie"))).contains("ATRIUM_CSRF=;")
			.contains("Expires=Thu, 01 Jan 1970");
		assertThat(browser.cookie("ATRIUM_SESSION")).isNotNull();
		Page profile = browser.get("/profile");
		assertThat(profile.status()).isEqualTo(200);
		assertThat(browser.cookie("ATRIUM_CSRF")).as("signed in, no token cookie").isNull();
		// the token of the form before log-in is not the session's
		assertThat(browser.post("/profile", Map.of("name", "Csrf Cookie", "_csrf", formToken)).status()).isEqualTo(403);
		Page out = browser.submit("/logout", Map.of());
		assertThat(out.text()).contains("You have logged out");
	}

	@Test
	void logoutEndsTheSession() {
		String email = activeProducer("logout");
		WebClient browser = browser();
		browser.logIn(email, PASSWORD);
		browser.get("/business");
		Page out = browser.submit("/logout", Map.of());
		assertThat(out.text()).contains("You have logged out");
		assertThat(browser.get("/business").isRedirect()).isTrue();
	}

	private String activeProducer(String name) {
		String email = unique(name);
		WebClient browser = browser();
		browser.get("/signup");
		browser.post("/signup", Map.of("name", name, "email", email));
		String link = TestMail.link(TestMail.awaitNth(email, 1), "/activate/");
		browser.get(link);
		browser.submit(path(link), Map.of("password", PASSWORD, "confirmation", PASSWORD));
		return email;
	}

	private long accountsWithEmail(String email) {
		return this.jdbc.sql("SELECT COUNT(*) FROM accounts WHERE email = ?").param(email).query(Long.class).single();
	}

	private int failedLogins(String email) {
		return this.jdbc.sql("SELECT failed_logins FROM accounts WHERE email = ?")
			.param(email)
			.query(Integer.class)
			.single();
	}

	private WebClient browser() {
		return new WebClient(this.port).from(address());
	}

	private static String address() {
		return "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "."
				+ (int) (1 + Math.random() * 250);
	}

	private static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	private static String path(String link) {
		return java.net.URI.create(link).getPath();
	}

}
