package io.atrium.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.atrium.AtriumApplication;
import io.atrium.accounts.Accounts;
import io.atrium.accounts.Role;
import io.atrium.shared.EmailAddress;
import io.atrium.support.TestDatabase;
import io.atrium.support.TestDatabase.FreshDatabase;
import io.atrium.support.TestMail;
import io.atrium.support.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Atrium instances on one database, as behind a load balancer: the developer API's
 * rate limit (three calls a minute here) holds for both together, and a session started
 * on one instance is signed in on the other.
 */
class ClusterRateLimitIntegrationTests {

	static final String PASSWORD = "cluster rate limit password";

	static ConfigurableApplicationContext first;

	static ConfigurableApplicationContext second;

	final HttpClient http = HttpClient.newHttpClient();

	final JsonMapper json = JsonMapper.builder().build();

	@BeforeAll
	static void startTwoInstances() {
		String[] args = arguments();
		first = new SpringApplicationBuilder(AtriumApplication.class).run(args);
		second = new SpringApplicationBuilder(AtriumApplication.class).run(args);
	}

	@AfterAll
	static void stop() {
		if (second != null) {
			second.close();
		}
		if (first != null) {
			first.close();
		}
	}

	@Test
	void callsSpreadOverBothInstancesAreLimitedTogether() throws Exception {
		CreatedCredential credential = first.getBean(ApiCredentials.class)
			.create(ApiTestClient.newProducer(), "cluster");
		String token = token(port(second), credential);
		assertThat(call(port(first), token).statusCode()).isEqualTo(200);
		HttpResponse<String> two = call(port(second), token);
		assertThat(two.statusCode()).isEqualTo(200);
		assertThat(two.headers().firstValue("RateLimit-Remaining")).hasValue("1");
		HttpResponse<String> three = call(port(first), token);
		assertThat(three.statusCode()).isEqualTo(200);
		assertThat(three.headers().firstValue("RateLimit-Remaining")).hasValue("0");

		HttpResponse<String> refused = call(port(second), token);
		assertThat(refused.statusCode()).isEqualTo(429);
		assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
		assertThat(this.json.readTree(refused.body()).path("error").asString()).isEqualTo("too_many_requests");
		assertThat(call(port(first), token).statusCode()).isEqualTo(429);
	}

	@Test
	void tokenRequestsSpreadOverBothInstancesAreLimitedTogether() throws Exception {
		CreatedCredential credential = first.getBean(ApiCredentials.class)
			.create(ApiTestClient.newProducer(), "cluster tokens");
		assertThat(tokenRequest(port(first), credential).statusCode()).isEqualTo(200);
		assertThat(tokenRequest(port(second), credential).statusCode()).isEqualTo(200);
		assertThat(tokenRequest(port(first), credential).statusCode()).isEqualTo(200);
		assertThat(tokenRequest(port(second), credential).statusCode()).isEqualTo(429);
	}

	@Test
	void aSessionStartedOnOneInstanceIsSignedInOnTheOther() throws Exception {
		String email = "cluster-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		first.getBean(Accounts.class)
			.createActive(EmailAddress.of(email), "Cleo Cluster", PASSWORD, Locale.ENGLISH, Set.of(Role.PRODUCER));
		WebClient web = new WebClient(port(first));
		assertThat(web.logIn(email, PASSWORD).path()).isEqualTo("/business");
		String session = web.cookie("ATRIUM_SESSION").getValue();

		HttpResponse<String> elsewhere = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(second) + "/business"))
				.header("Cookie", "ATRIUM_SESSION=" + session)
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(elsewhere.statusCode()).isEqualTo(200);
		assertThat(elsewhere.body()).doesNotContain("name=\"password\"");

		HttpResponse<String> anonymous = this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port(second) + "/business"))
				.header("Accept", "text/html")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(anonymous.statusCode()).isEqualTo(302);
	}

	private String token(int port, CreatedCredential credential) throws IOException, InterruptedException {
		HttpResponse<String> response = tokenRequest(port, credential);
		assertThat(response.statusCode()).isEqualTo(200);
		return this.json.readTree(response.body()).path("access_token").asString();
	}

	private HttpResponse<String> tokenRequest(int port, CreatedCredential credential)
			throws IOException, InterruptedException {
		String basic = Base64.getEncoder()
			.encodeToString((credential.clientId() + ":" + credential.clientSecret()).getBytes(StandardCharsets.UTF_8));
		return this.http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/security/oauth/token?grant_type=client_credentials"))
			.header("Authorization", "Basic " + basic)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> call(int port, String token) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/credentials"))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

	/** Both instances' arguments: one database, a limit of three calls a minute. */
	private static String[] arguments() {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--atrium.demo.enabled=false",
				"--atrium.api.rate-limit-per-minute=3", "--logging.level.com.github.kagkarlsson=WARN",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestMail.smtpPort(),
				"--atrium.mail.from=Atrium <no-reply@atrium.test>", "--spring.datasource.hikari.maximum-pool-size=4"));
		if ("postgres".equals(TestDatabase.kind())) {
			FreshDatabase database = TestDatabase.fresh();
			args.add("--spring.datasource.url=" + database.url());
			args.add("--spring.datasource.username=");
			args.add("--spring.datasource.password=");
			args.add("--spring.flyway.default-schema=" + database.schema());
		}
		else {
			args.add("--spring.datasource.url=jdbc:h2:mem:cluster_" + UUID.randomUUID().toString().replace("-", "")
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		}
		return args.toArray(String[]::new);
	}

}
