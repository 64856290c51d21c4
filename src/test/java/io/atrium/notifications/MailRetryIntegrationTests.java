package io.atrium.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.atrium.support.AtriumIntegrationTest;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An SMTP server that refuses connections (nothing listens on port 1): deliveries are
 * retried with backoff, then marked FAILED; an admin can retry them. A tiny backoff keeps
 * the test short.
 */
@AtriumIntegrationTest
@AutoConfigureMockMvc
@TestPropertySource(properties = { "spring.mail.host=127.0.0.1", "spring.mail.port=1",
		"atrium.mail.retry.initial-delay=1s", "atrium.mail.retry.factor=2", "atrium.mail.retry.max-attempts=3" })
class MailRetryIntegrationTests {

	@Autowired
	Mailer mailer;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void failedDeliveryIsRetriedWithBackoffThenMarkedFailedAndCanBeRetriedByHand() throws Exception {
		String to = unique("retry");
		long id = this.transactions.execute((tx) -> this.mailer.enqueue(testMail(to, Locale.ENGLISH)));
		OutboxRows rows = new OutboxRows(this.jdbc);

		Map<String, Object> afterFirst = rows.awaitRow(id, (r) -> OutboxRows.attempts(r) >= 1, Duration.ofSeconds(20));
		assertThat(afterFirst.get("status")).isEqualTo("PENDING");
		assertThat(OutboxRows.attempts(afterFirst)).isEqualTo(1);
		assertThat((String) afterFirst.get("last_error")).contains("MailConnectException");
		assertThat(afterFirst.get("sent_at")).isNull();

		// the backoff: 1 s after the first failure, 2 s after the second
		Set<OutboxRows.Backoff> backoffs = new HashSet<>();
		Instant deadline = Instant.now().plusSeconds(20);
		while (!"FAILED".equals(rows.row(id).get("status")) && Instant.now().isBefore(deadline)) {
			rows.backoff(id).ifPresent(backoffs::add);
			Thread.sleep(20);
		}
		assertThat(backoffs).isNotEmpty()
			.allSatisfy((b) -> assertThat(b.delay()).isEqualTo(Duration.ofSeconds(1L << (b.failures() - 1))));

		Map<String, Object> failed = rows.awaitStatus(id, "FAILED");
		assertThat(OutboxRows.attempts(failed)).isEqualTo(3);
		assertThat(failed.get("last_error")).isNotNull();
		assertThat(rows.claimed(id)).isFalse();

		Document detail = Jsoup
			.parse(this.mvc.perform(get("/admin/mailbox/" + id).header("Accept-Language", "en").with(admin()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(detail.select("dd").eachText()).contains("Failed", "3");
		assertThat(detail.select("dd code").text()).contains("MailConnectException");
		assertThat(detail.select("form[action=/admin/mailbox/" + id + "/retry] button").text()).isEqualTo("Retry now");

		this.mvc.perform(post("/admin/mailbox/" + id + "/retry").with(admin()).with(csrf()))
			.andExpect(redirectedUrl("/admin/mailbox/" + id))
			.andExpect((result) -> assertThat(result.getFlashMap().get("noticeKey")).isEqualTo("mailbox.retry.done"));
		assertThat(rows.row(id).get("status")).isEqualTo("PENDING");
		Map<String, Object> retried = rows.awaitRow(id, (r) -> OutboxRows.attempts(r) >= 4, Duration.ofSeconds(20));
		assertThat(retried.get("status")).isEqualTo("PENDING");
		assertThat(OutboxRows.attempts(rows.awaitStatus(id, "FAILED"))).isEqualTo(6);

		String metrics = this.mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
		assertThat(metrics).containsPattern("atrium_mail_failed_total [2-9]")
			.containsPattern("atrium_mail_attempt_failures_total [6-9]");
	}

}
