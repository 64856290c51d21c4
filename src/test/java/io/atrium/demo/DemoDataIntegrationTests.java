package io.atrium.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.WebClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo a newcomer gets on the first start: logins that work, and API credentials with
 * the values given in the environment, usable right away.
 */
@AtriumIntegrationTest
@TestPropertySource(properties = { "atrium.demo.enabled=true", "atrium.demo.client-id=demo-client",
		"atrium.demo.client-secret=demo-secret-with-enough-length-0123456789" })
class DemoDataIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoData demo;

	@Test
	void demoLoginsWork() {
		assertThat(new WebClient(this.port).logIn(DemoData.PRODUCER, DemoData.PASSWORD).path()).isEqualTo("/business");
		assertThat(new WebClient(this.port).logIn("ana@demo.atrium.test", DemoData.PASSWORD).path())
			.isEqualTo("/purchases");
		assertThat(new WebClient(this.port).logIn(DemoData.ADMIN, DemoData.PASSWORD).path()).isEqualTo("/admin");
		assertThat(this.demo.startupNotes("http://localhost")).anyMatch((l) -> l.contains(DemoData.PRODUCER));
	}

	@Test
	void theDemoProducerHasAFewHundredConsistentPurchasesInVariedStatusesSeededOnce() {
		long producer = this.jdbc.sql("SELECT id FROM accounts WHERE email = ?")
			.param(DemoData.PRODUCER)
			.query(Long.class)
			.single();
		java.util.Map<String, Long> counts = new java.util.HashMap<>();
		this.jdbc.sql("SELECT status, COUNT(*) FROM purchases WHERE producer_account_id = ? GROUP BY status")
			.param(producer)
			.query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2)))
			.list();
		assertThat(counts.keySet()).contains("APPROVED", "COMPLETE", "REFUNDED", "CHARGEBACK", "CANCELLED", "NO_FUNDS",
				"EXPIRED", "WAITING_PAYMENT");
		assertThat(counts.values()).allMatch((c) -> c > 0);
		assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(DemoPurchases.PURCHASES);
		assertThat(this.jdbc.sql("SELECT COUNT(DISTINCT buyer_email) FROM purchases WHERE producer_account_id = ?")
			.param(producer)
			.query(Long.class)
			.single()).isGreaterThan(40);
		// every purchase has its charge at the gateway, refunded ones refunded there too
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM purchases p JOIN sandbox_charges c ON c.idempotency_key = p.transaction_code "
					+ "WHERE p.producer_account_id = ? AND (p.status <> 'REFUNDED' OR c.status = 'REFUNDED')")
			.param(producer)
			.query(Long.class)
			.single()).isEqualTo(DemoPurchases.PURCHASES);
		// no purchase e-mail went to a demo buyer
		assertThat(io.atrium.support.TestMail.to("buyer1@demo.atrium.test")).isEmpty();
		this.demo.seedOnFirstStart();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM purchases WHERE producer_account_id = ?")
			.param(producer)
			.query(Long.class)
			.single()).isEqualTo(DemoPurchases.PURCHASES);
	}

	@Test
	void seedingTwiceChangesNothing() {
		long before = this.jdbc.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single();
		this.demo.seedOnFirstStart();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM accounts").query(Long.class).single()).isEqualTo(before);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM api_credentials WHERE client_id = 'demo-client'")
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void demoCredentialsGetATokenRightAway() throws Exception {
		String basic = Base64.getEncoder()
			.encodeToString("demo-client:demo-secret-with-enough-length-0123456789".getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port
					+ "/security/oauth/token?grant_type=client_credentials&client_id=demo-client"
					+ "&client_secret=demo-secret-with-enough-length-0123456789"))
			.header("Authorization", "Basic " + basic)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		HttpResponse<String> token = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(token.statusCode()).isEqualTo(200);
		assertThat(token.body()).contains("\"token_type\":\"bearer\"").contains("\"expires_in\":172799");
	}

}
