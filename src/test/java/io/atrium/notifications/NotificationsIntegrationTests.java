package io.atrium.notifications;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import io.atrium.accounts.Role;
import io.atrium.accounts.SignedInAccount;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.TestMail;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * E-mail through the outbox to a real SMTP server (GreenMail), and the admin mailbox
 * page.
 */
@AtriumIntegrationTest
@AutoConfigureMockMvc
class NotificationsIntegrationTests {

	private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("pt-BR"),
			Locale.forLanguageTag("es"), Locale.forLanguageTag("it"));

	@Autowired
	Mailer mailer;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	MockMvc mvc;

	@Test
	void committedMailArrivesInTheRecipientsLanguageWithTextAndHtml() {
		for (Locale locale : LANGUAGES) {
			String to = unique("lang-" + locale.toLanguageTag());
			this.transactions.executeWithoutResult((tx) -> this.mailer.enqueue(testMail(to, locale)));

			MimeMessage received = TestMail.awaitNth(to, 1);
			assertThat(TestMail.subject(received)).isEqualTo(message("mail.test.subject", locale));
			MailParts parts = MailParts.of(received);
			assertThat(parts.text()).contains(message("mail.test.text", locale))
				.contains(message("mail.layout.footer", locale))
				.containsPattern("http://\\S+/admin/mailbox");
			Document html = Jsoup.parse(parts.html());
			assertThat(html.text()).contains(message("mail.test.heading", locale))
				.contains(message("mail.test.text", locale))
				.contains(message("mail.layout.footer", locale));
			assertThat(html.selectFirst("html").attr("lang")).isEqualTo(locale.toLanguageTag());
			assertThat(html.select("a[href$=/admin/mailbox]")).isNotEmpty();
		}
	}

	@Test
	void sentMailIsMarkedSentOnce() {
		String to = unique("sent");
		long id = this.transactions.execute((tx) -> this.mailer.enqueue(testMail(to, Locale.ENGLISH)));
		TestMail.awaitNth(to, 1);
		Map<String, Object> row = rows().awaitStatus(id, "SENT");
		assertThat(row.get("sent_at")).isNotNull();
		assertThat(OutboxRows.attempts(row)).isEqualTo(1);
		assertThat(row.get("recipient")).isEqualTo(to);
		assertThat(row.get("template")).isEqualTo("notifications/mail/test");
		assertThat(rows().claimed(id)).isFalse();
	}

	@Test
	void rolledBackMailLeavesNoRowNoTaskAndNoMail() {
		String to = unique("rollback");
		long id = this.transactions.execute((tx) -> {
			long queued = this.mailer.enqueue(testMail(to, Locale.ENGLISH));
			// inside the transaction: the row exists, and nobody else (no sender) can
			// see it yet
			assertThat(rows().count(queued)).isOne();
			assertThat(rowsSeenFromAnotherConnection(queued)).isZero();
			tx.setRollbackOnly();
			return queued;
		});
		assertThat(rows().count(id)).isZero();

		// a mail queued afterwards arrives; the rolled back one never does
		String later = unique("after-rollback");
		this.transactions.executeWithoutResult((tx) -> this.mailer.enqueue(testMail(later, Locale.ENGLISH)));
		TestMail.awaitNth(later, 1);
		assertThat(TestMail.to(to)).isEmpty();
	}

	@Test
	void enqueueOutsideATransactionIsRefused() {
		String to = unique("no-tx");
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.mailer.enqueue(testMail(to, Locale.ENGLISH)));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = ?")
			.param(to)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aMalformedRecipientIsRefusedInTheCallersTransaction() {
		int before = this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox").query(Integer.class).single();
		assertThatIllegalArgumentException().isThrownBy(() -> this.transactions
			.executeWithoutResult((tx) -> this.mailer.enqueue(testMail("not an address", Locale.ENGLISH))));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox").query(Integer.class).single()).isEqualTo(before);
	}

	@Test
	void adminSendsATestMailAndReadsItInTheMailbox() throws Exception {
		String to = unique("mailbox");
		this.mvc
			.perform(post("/admin/mailbox/test").param("recipient", "  " + to.toUpperCase(Locale.ROOT) + " ")
				.header("Accept-Language", "pt-BR")
				.with(admin())
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/admin/mailbox"));
		MimeMessage received = TestMail.awaitNth(to, 1);
		assertThat(TestMail.subject(received)).isEqualTo("E-mail de teste do Atrium");
		long id = rows().idFor(to);
		rows().awaitStatus(id, "SENT");

		Document list = page(
				get("/admin/mailbox").param("recipient", to.substring(0, 20)).header("Accept-Language", "en"));
		assertThat(list.select("table caption").text()).contains("1 in all");
		assertThat(list.select("th[scope=col]").eachText()).containsExactly("Recipient", "Subject", "Status", "Created",
				"Sent");
		Element row = list.selectFirst("table tbody tr");
		assertThat(row.select("td").eachText()).startsWith(to, "E-mail de teste do Atrium", "Sent");
		assertThat(row.selectFirst("a").attr("href")).isEqualTo("/admin/mailbox/" + id);

		Document detail = page(get("/admin/mailbox/" + id).header("Accept-Language", "en"));
		assertThat(detail.select("h1").text()).isEqualTo("E-mail de teste do Atrium");
		assertThat(detail.select("dd").eachText()).contains(to, "Sent", "1", "pt-BR");
		Element link = detail.selectFirst("pre a");
		assertThat(link.attr("href")).endsWith("/admin/mailbox").startsWith("http");
		assertThat(detail.select("a[href=/admin/mailbox/" + id + "/html]")).hasSize(1);
		assertThat(detail.select("form[action$=/retry]")).isEmpty();

		this.mvc.perform(get("/admin/mailbox/" + id + "/html").with(admin()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy",
					"sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data: https:"))
			.andExpect(header().string("Content-Type", "text/html;charset=UTF-8"))
			.andExpect((result) -> assertThat(result.getResponse().getContentAsString())
				.contains("Você recebe este e-mail por causa da sua conta no Atrium."));
	}

	@Test
	void mailboxPagesSpeakTheAdminsLanguage() throws Exception {
		Document list = page(get("/admin/mailbox").header("Accept-Language", "it"));
		assertThat(list.select("h1").text()).isEqualTo("Casella di posta");
		assertThat(list.select("label[for=mailbox-test-recipient]").text()).isEqualTo("Indirizzo e-mail");
		assertThat(list.select("p").eachText()).contains(message("mailbox.smtp", Locale.ITALIAN));
	}

	@Test
	void aTestMailToAnInvalidAddressIsRefused() throws Exception {
		int before = this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox").query(Integer.class).single();
		String body = this.mvc
			.perform(post("/admin/mailbox/test").param("recipient", "not an address")
				.header("Accept-Language", "en")
				.with(admin())
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(body);
		assertThat(page.select("#mailbox-test-error").text())
			.isEqualTo(message("mailbox.test.invalid", Locale.ENGLISH));
		assertThat(page.select("#mailbox-test-recipient").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.select("#mailbox-test-recipient").val()).isEqualTo("not an address");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM mail_outbox").query(Integer.class).single()).isEqualTo(before);
	}

	@Test
	void onlyFailedMailCanBeRetried() throws Exception {
		String to = unique("no-retry");
		long id = this.transactions.execute((tx) -> this.mailer.enqueue(testMail(to, Locale.ENGLISH)));
		rows().awaitStatus(id, "SENT");
		this.mvc.perform(post("/admin/mailbox/" + id + "/retry").with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/admin/mailbox/" + id))
			.andExpect((result) -> assertThat(result.getFlashMap().get("noticeKey"))
				.isEqualTo("mailbox.retry.not-failed"));
		assertThat(rows().row(id).get("status")).isEqualTo("SENT");
		assertThat(TestMail.to(to)).hasSize(1);
	}

	@Test
	void unknownMessageIsNotFound() throws Exception {
		this.mvc.perform(get("/admin/mailbox/999999999").with(admin())).andExpect(status().isNotFound());
		this.mvc.perform(get("/admin/mailbox/999999999/html").with(admin())).andExpect(status().isNotFound());
	}

	@Test
	void theMailboxIsForAdminsOnly() throws Exception {
		RequestPostProcessor producer = SecurityMockMvcRequestPostProcessors
			.user(new SignedInAccount(999_002L, "producer@x.test", "Producer", Set.of(Role.PRODUCER), null, true));
		String to = unique("forbidden");
		long id = this.transactions.execute((tx) -> this.mailer.enqueue(testMail(to, Locale.ENGLISH)));
		this.mvc.perform(get("/admin/mailbox").with(producer)).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/mailbox/" + id).with(producer)).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/mailbox/" + id + "/html").with(producer)).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/mailbox/test").param("recipient", unique("x")).with(producer).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/mailbox")).andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/admin/mailbox/test").param("recipient", unique("y")).with(admin()))
			.andExpect(status().isForbidden());
	}

	@Test
	void outboxMetricsAreExported() throws Exception {
		String to = unique("metrics");
		long id = this.transactions.execute((tx) -> this.mailer.enqueue(testMail(to, Locale.ENGLISH)));
		rows().awaitStatus(id, "SENT");
		String metrics = this.mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(metrics).contains("atrium_mail_outbox{status=\"sent\"}")
			.contains("atrium_mail_outbox{status=\"failed\"}")
			.containsPattern("atrium_mail_delivered_total\\{channel=\"smtp\"\\} [1-9]");
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		String body = this.mvc.perform(request.with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Jsoup.parse(body);
	}

	private int rowsSeenFromAnotherConnection(long id) {
		// straight from the pool, outside the test's transaction
		try (Connection other = this.dataSource.getConnection();
				PreparedStatement statement = other.prepareStatement("SELECT COUNT(*) FROM mail_outbox WHERE id = ?")) {
			statement.setLong(1, id);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static RequestPostProcessor admin() {
		return SecurityMockMvcRequestPostProcessors
			.user(new SignedInAccount(999_001L, "admin@x.test", "Admin", Set.of(Role.ADMIN), null, true));
	}

	static OutgoingMail testMail(String to, Locale locale) {
		return new OutgoingMail(to, locale, "mail.test.subject", List.of(), "notifications/mail/test", Map.of());
	}

	static String unique(String name) {
		return name.toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8) + "@atrium.test";
	}

	private OutboxRows rows() {
		return new OutboxRows(this.jdbc);
	}

	private String message(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

}
