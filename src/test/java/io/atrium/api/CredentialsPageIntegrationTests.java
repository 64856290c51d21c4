package io.atrium.api;

import java.util.Set;

import io.atrium.accounts.Role;
import io.atrium.accounts.SignedInAccount;
import io.atrium.support.AtriumIntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The producer's Credentials page: create (secret shown once), list with last use, revoke
 * after confirming; only one's own credentials; producers only. MockMvc is built on the
 * shared test application (no extra context), acting as a signed-in person.
 */
@AtriumIntegrationTest
@AutoConfigureTestRestTemplate
class CredentialsPageIntegrationTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	TestRestTemplate http;

	@Autowired
	JsonMapper json;

	@Autowired
	ApiCredentials credentials;

	MockMvc mvc;

	ApiTestClient api;

	long producer;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		this.api = new ApiTestClient(this.http, this.json, this.credentials);
		this.producer = ApiTestClient.newProducer();
	}

	@Test
	void createShowsTheSecretOnceAndTheListNever() throws Exception {
		MvcResult created = this.mvc
			.perform(post("/business/credentials").param("name", "My automation").with(producer()).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
			.andReturn();
		Document page = Jsoup.parse(created.getResponse().getContentAsString());
		String clientId = page.getElementById("client-id").val();
		String secret = page.getElementById("client-secret").val();
		String basic = page.getElementById("basic-token").val();
		assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
		assertThat(basic).isEqualTo(java.util.Base64.getEncoder()
			.encodeToString((clientId + ":" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		assertThat(page.select("[role=alert]").text()).contains("will not be shown again");
		assertThat(page.select("label[for=client-secret]")).hasSize(1);

		String list = listPage();
		assertThat(list).contains(clientId).contains("My automation").doesNotContain(secret).doesNotContain(basic);

		// the shown values work
		assertThat(this.api
			.tokenRequest("/security/oauth/token?grant_type=client_credentials", "Basic " + basic, null, null)
			.getStatusCode()
			.is2xxSuccessful()).isTrue();
	}

	@Test
	void listShowsLastUse() throws Exception {
		CreatedCredential used = this.credentials.create(this.producer, "used one");
		this.credentials.create(this.producer, "unused one");
		this.api.token(used);
		Document page = Jsoup.parse(listPage());
		assertThat(row(page, "used one").select("td").get(2).text()).contains("(America/Sao_Paulo)");
		assertThat(row(page, "unused one").select("td").get(2).text()).isEqualTo("Never");
		assertThat(row(page, "used one").text()).contains("Active");
	}

	@Test
	void revokeAsksFirstThenRevokes() throws Exception {
		CreatedCredential credential = this.credentials.create(this.producer, "to revoke");
		String token = this.api.token(credential);
		String confirm = this.mvc.perform(get("/business/credentials/" + credential.id() + "/revoke").with(producer()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(confirm).contains("to revoke").contains("Yes, revoke it");
		assertThat(this.credentials.find(this.producer, credential.id()).orElseThrow().active()).isTrue();

		this.mvc.perform(post("/business/credentials/" + credential.id() + "/revoke").with(producer()).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/business/credentials"));
		assertThat(this.credentials.find(this.producer, credential.id()).orElseThrow().active()).isFalse();
		assertThat(row(Jsoup.parse(listPage()), "to revoke").text()).contains("Revoked on");
		assertThat(this.api.call(org.springframework.http.HttpMethod.GET, "/api/v1/credentials", token)
			.getStatusCode()
			.value()).isEqualTo(401);
	}

	@Test
	void anotherProducersCredentialCannotBeSeenOrRevoked() throws Exception {
		long other = ApiTestClient.newProducer();
		CreatedCredential theirs = this.credentials.create(other, "theirs");
		assertThat(listPage()).doesNotContain(theirs.clientId());
		this.mvc.perform(get("/business/credentials/" + theirs.id() + "/revoke").with(producer()))
			.andExpect(status().isNotFound());
		this.mvc.perform(post("/business/credentials/" + theirs.id() + "/revoke").with(producer()).with(csrf()))
			.andExpect(status().isNotFound());
		assertThat(this.credentials.find(other, theirs.id()).orElseThrow().active()).isTrue();
	}

	@Test
	void invalidNamesAreExplainedAndNothingIsCreated() throws Exception {
		String blank = this.mvc
			.perform(post("/business/credentials").param("name", "   ").with(producer()).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Document page = Jsoup.parse(blank);
		assertThat(page.getElementById("credential-name-error").text()).isEqualTo("Enter a name for the credential.");
		assertThat(page.getElementById("credential-name").attr("aria-invalid")).isEqualTo("true");
		String tooLong = this.mvc
			.perform(post("/business/credentials").param("name", "x".repeat(101)).with(producer()).with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(tooLong).contains("at most 100 characters");
		assertThat(this.credentials.list(this.producer, PageQuery.first()).items()).isEmpty();
	}

	@Test
	void pageSpeaksThePersonsLanguage() throws Exception {
		String page = this.mvc.perform(get("/business/credentials").with(producer()).header("Accept-Language", "pt-BR"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Credenciais da API");
	}

	@Test
	void studentsAndAnonymousVisitorsCannotUseThePage() throws Exception {
		RequestPostProcessor student = user(new SignedInAccount(ApiTestClient.newProducer(), "s@example.test", "S",
				Set.of(Role.STUDENT), null, true));
		this.mvc.perform(get("/business/credentials").with(student)).andExpect(status().isForbidden());
		this.mvc.perform(post("/business/credentials").param("name", "x").with(student).with(csrf()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/business/credentials")).andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/business/credentials").param("name", "x").with(producer()))
			.andExpect(status().isForbidden());
		assertThat(this.credentials.list(this.producer, PageQuery.first()).items()).isEmpty();
	}

	private String listPage() throws Exception {
		return this.mvc.perform(get("/business/credentials").with(producer()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static Element row(Document page, String name) {
		return page.select("tbody tr")
			.stream()
			.filter((r) -> r.selectFirst("th").text().equals(name))
			.findFirst()
			.orElseThrow();
	}

	private RequestPostProcessor producer() {
		return user(new SignedInAccount(this.producer, "p" + this.producer + "@example.test", "Producer",
				Set.of(Role.PRODUCER), null, true));
	}

}
