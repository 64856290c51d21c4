package io.atrium.webhooks;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import io.atrium.api.ApiCredentials;
import io.atrium.support.AtriumIntegrationTest;
import io.atrium.support.Eventually;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the production settings (no private addresses, https only): URLs pointing into
 * Atrium's own network are refused with a clear message when saved, and again at delivery
 * when a host name that looked public now resolves to a private address (DNS rebinding),
 * so nothing is posted there.
 */
@AtriumIntegrationTest
@AutoConfigureTestRestTemplate
class WebhookSafetyIntegrationTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ApiCredentials credentials;

	@Autowired
	Webhooks webhooks;

	@Autowired
	DataSource dataSource;

	@Test
	void privateLoopbackAndMetadataAddressesAreRefusedWithAClearMessage() {
		ApiProducer api = new ApiProducer(producer(), this.http, this.credentials);
		for (String url : new String[] { "https://127.0.0.1/hook", "https://169.254.169.254/latest/meta-data",
				"https://10.0.0.7/hook", "https://[::1]/hook", "https://192.168.1.10:8443/x", "https://100.64.0.1/" }) {
			JsonNode refused = api.expect(400, HttpMethod.POST, "/api/v1/webhooks/endpoints",
					UUID.randomUUID().toString(), "{\"url\":\"%s\",\"events\":[\"PURCHASE_APPROVED\"]}".formatted(url));
			assertThat(refused.path("error").asString()).as(url).isEqualTo("address_not_allowed");
			assertThat(refused.path("detail").asString()).as(url)
				.contains("private, loopback, link-local or metadata address")
				.contains("only sent to public addresses");
			assertThat(refused.path("errors").get(0).path("field").asString()).isEqualTo("url");
		}
		JsonNode http = api.expect(400, HttpMethod.POST, "/api/v1/webhooks/endpoints", UUID.randomUUID().toString(),
				"{\"url\":\"http://8.8.8.8/hook\",\"events\":[\"PURCHASE_APPROVED\"]}");
		assertThat(http.path("detail").asString()).isEqualTo("The URL must start with https://.");
		assertThat(api.get("/api/v1/webhooks/endpoints").path("items")).isEmpty();
	}

	@Test
	void anAddressThatTurnedPrivateIsRefusedAgainAtDelivery() {
		long producer = producer();
		try (Receiver receiver = new Receiver()) {
			CreatedEndpoint endpoint = this.webhooks.create(producer, new EndpointSettings("https://8.8.8.8/hooks",
					null, EnumSet.of(WebhookEvent.PURCHASE_APPROVED), Set.of()));
			// what a host name that resolved publicly when saved resolves to now
			JdbcClient.create(this.dataSource)
				.sql("UPDATE webhook_endpoints SET url = ? WHERE id = ?")
				.params(receiver.url().replace("http://", "https://"), endpoint.endpoint().id())
				.update();
			WebhookDelivery test = this.webhooks.sendTest(producer, endpoint.endpoint().id(),
					WebhookEvent.PURCHASE_APPROVED);
			Eventually.until("the attempt", () -> this.webhooks.delivery(producer, test.id()).attempts() == 1);
			WebhookDelivery refused = this.webhooks.delivery(producer, test.id());
			assertThat(refused.lastStatusCode()).isNull();
			assertThat(refused.lastError()).contains("127.0.0.1").contains("only sent to public addresses");
			assertThat(receiver.requests()).isEmpty();
		}
	}

	private static long producer() {
		return java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
	}

}
