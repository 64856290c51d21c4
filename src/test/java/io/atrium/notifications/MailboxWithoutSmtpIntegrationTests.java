package io.atrium.notifications;

import java.util.Locale;
import java.util.Map;

import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.TestMail;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static io.atrium.notifications.NotificationsIntegrationTests.admin;
import static io.atrium.notifications.NotificationsIntegrationTests.testMail;
import static io.atrium.notifications.NotificationsIntegrationTests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The embedded default: no SMTP server configured. Mail lands in the admin mailbox, where
 * a newcomer can follow its links.
 */
@AtriumIntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "spring.mail.host=")
class MailboxWithoutSmtpIntegrationTests {

	@Autowired
	Mailer mailer;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void mailGoesToTheMailboxPage() throws Exception {
		String to = unique("no-smtp");
		long id = this.transactions.execute((tx) -> this.mailer.enqueue(testMail(to, Locale.forLanguageTag("es"))));
		Map<String, Object> row = new OutboxRows(this.jdbc).awaitStatus(id, "MAILBOX");
		assertThat(row.get("sent_at")).isNotNull();
		assertThat(OutboxRows.attempts(row)).isZero();
		assertThat(TestMail.to(to)).isEmpty();

		Document list = page("/admin/mailbox?recipient=" + to);
		assertThat(list.select(".alert-info").text()).startsWith("No SMTP server is configured");
		assertThat(list.select("table tbody tr td").eachText()).startsWith(to, "Correo de prueba de Atrium",
				"In the mailbox");

		Document detail = page("/admin/mailbox/" + id);
		assertThat(detail.select("dd").eachText()).contains("In the mailbox", "es");
		assertThat(detail.select("pre a").attr("href")).matches("http://\\S+/admin/mailbox");
		assertThat(detail.select("pre").text()).contains("Recibes este correo electrónico por tu cuenta en Atrium.");
	}

	private Document page(String path) throws Exception {
		return Jsoup.parse(this.mvc.perform(get(path).header("Accept-Language", "en").with(admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
