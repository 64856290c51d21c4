package io.atrium.webhooks;

import java.util.Map;

import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.WebClient.Page;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the production settings (https only, public addresses only), the endpoint form
 * refuses a URL into a private network or without https with the core's clear message,
 * answering 422 and keeping what was typed; nothing is saved.
 */
@AtriumIntegrationTest
class WebhookPagesSafetyIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Webhooks webhooks;

	@Test
	void privateAddressesAndPlainHttpAreRefusedWithTheFormKept() {
		PageProducer me = PageProducer.create(this.accounts, this.port, Role.PRODUCER);
		for (String url : new String[] { "https://127.0.0.1/hook", "https://169.254.169.254/latest/meta-data",
				"https://10.0.0.7/hook", "https://[::1]/hook", "https://localhost:8443/x" }) {
			Page refused = me.post("/business/webhooks/new", "/business/webhooks/new",
					Map.of("url", url, "description", "members area", "events", "PURCHASE_APPROVED,PURCHASE_REFUNDED"));
			assertThat(refused.status()).as(url).isEqualTo(422);
			Element problem = refused.document().getElementById("webhooks-problem");
			assertThat(problem.text()).as(url)
				.startsWith(
						"This address cannot receive webhooks: Atrium only sends them to public internet addresses.")
				.contains("a private, loopback, link-local or metadata address");
			assertThat(refused.document().getElementById("endpoint-url").val()).isEqualTo(url);
			assertThat(refused.document().getElementById("endpoint-url").attr("aria-invalid")).isEqualTo("true");
			assertThat(refused.document().getElementById("endpoint-description").val()).isEqualTo("members area");
			assertThat(refused.document().getElementById("event-PURCHASE_REFUNDED").hasAttr("checked")).isTrue();
		}
		Page http = me.post("/business/webhooks/new", "/business/webhooks/new",
				Map.of("url", "http://8.8.8.8/hook", "events", "PURCHASE_APPROVED"));
		assertThat(http.status()).isEqualTo(422);
		assertThat(http.document().getElementById("webhooks-problem").text())
			.isEqualTo("Check the endpoint URL. The URL must start with https://.");

		// in another language: the lead is translated, the core's detail is marked
		// English
		Page portuguese = me.post("/business/webhooks/new?lang=pt-BR", "/business/webhooks/new",
				Map.of("url", "https://192.168.1.10/hook", "events", "PURCHASE_APPROVED"));
		assertThat(portuguese.status()).isEqualTo(422);
		Element problem = portuguese.document().getElementById("webhooks-problem");
		assertThat(problem.text()).startsWith("Este endereço não pode receber webhooks");
		assertThat(problem.selectFirst("[lang=en]").text()).contains("192.168.1.10");
		assertThat(this.webhooks.endpoints(me.id())).isEmpty();

		// a public address is accepted
		Page accepted = me.post("/business/webhooks/new", "/business/webhooks/new",
				Map.of("url", "https://8.8.8.8/hook", "events", "PURCHASE_APPROVED"));
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(accepted.document().getElementById("signing-secret").val()).startsWith("whsec_");
		assertThat(this.webhooks.endpoints(me.id())).hasSize(1);
	}

}
