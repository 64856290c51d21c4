package io.atrium.platform;

import java.util.List;

import io.atrium.support.AtriumIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

@AtriumIntegrationTest
@AutoConfigureTestRestTemplate
class PlatformIntegrationTests {

	@Autowired
	TestRestTemplate http;

	@Test
	void homePageSpeaksTheBrowsersLanguage() {
		assertThat(get("/", "pt-BR,pt;q=0.9").getBody()).contains("Venda o que você sabe").contains("lang=\"pt-BR\"");
		assertThat(get("/", "it-IT").getBody()).contains("Vendi ciò che sai");
		assertThat(get("/", "es").getBody()).contains("Vende lo que sabes");
		assertThat(get("/", "de-DE").getBody()).contains("Sell what you know");
	}

	@Test
	void languageSwitchIsRemembered() {
		ResponseEntity<String> switched = this.http.getForEntity("/?lang=es", String.class);
		assertThat(switched.getBody()).contains("Vende lo que sabes");
		String cookie = switched.getHeaders().getFirst(HttpHeaders.SET_COOKIE);
		assertThat(cookie).contains("ATRIUM_LANG=es");
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.COOKIE, cookie.split(";")[0]);
		headers.add(HttpHeaders.ACCEPT_LANGUAGE, "it");
		assertThat(this.http.exchange("/", HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody())
			.contains("Vende lo que sabes");
	}

	@Test
	void unknownPageIsALocalizedNotFound() {
		ResponseEntity<String> response = get("/css/no-such-file.css", "pt-BR");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody()).contains("Página não encontrada");
	}

	@Test
	void staticFilesAreLinkedUnderTheirContentHashAndCached() {
		String page = this.http.getForEntity("/", String.class).getBody();
		java.util.regex.Matcher css = java.util.regex.Pattern.compile("/css/atrium-[0-9a-f]{32}\\.css").matcher(page);
		assertThat(css.find()).as("the style sheet is linked under its content hash").isTrue();
		assertThat(page).contains("/webjars/bootstrap/5.3.8/dist/css/bootstrap.min.css")
			.doesNotContain("/css/atrium.css");
		ResponseEntity<String> sheet = this.http.getForEntity(css.group(), String.class);
		assertThat(sheet.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(sheet.getBody()).contains("--atrium-");
		assertThat(sheet.getHeaders().getCacheControl()).contains("max-age=604800");
		// a page's own links are not file names: they are written as they are
		assertThat(page).contains("href=\"/login\"");
	}

	@Test
	void pagesAndStyleSheetsAreCompressedForClientsThatAsk() throws Exception {
		String page = this.http.getForEntity("/", String.class).getBody();
		java.util.regex.Matcher css = java.util.regex.Pattern.compile("/css/atrium-[0-9a-f]{32}\\.css").matcher(page);
		assertThat(css.find()).isTrue();
		for (String path : List.of("/", css.group(), "/webjars/bootstrap/5.3.8/dist/css/bootstrap.min.css")) {
			java.net.http.HttpResponse<byte[]> zipped = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.http.getRootUri() + path))
					.header(HttpHeaders.ACCEPT_ENCODING, "gzip")
					.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
			assertThat(zipped.statusCode()).isEqualTo(200);
			assertThat(zipped.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).as(path).hasValue("gzip");
			byte[] plain = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped.body()))
				.readAllBytes();
			assertThat(zipped.body().length).as(path).isLessThan(plain.length / 2);
		}
		// a client that does not ask gets the page as it is
		java.net.http.HttpResponse<String> plain = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.http.getRootUri() + "/")).build(),
					java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(plain.headers().firstValue(HttpHeaders.CONTENT_ENCODING)).isEmpty();
		assertThat(plain.body()).contains("<html");
	}

	@Test
	void healthAndMetricsAreExposed() {
		assertThat(this.http.getForEntity("/actuator/health", String.class).getBody()).contains("UP");
		assertThat(this.http.getForEntity("/actuator/prometheus", String.class).getBody()).contains("jvm_memory");
	}

	@Test
	void securityHeadersAreSent() {
		HttpHeaders headers = this.http.getForEntity("/", String.class).getHeaders();
		assertThat(headers.getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(headers.getFirst("X-Frame-Options")).isEqualTo("DENY");
		assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'self'");
	}

	private ResponseEntity<String> get(String path, String language) {
		// a client without cookies: the shared TestRestTemplate keeps the language cookie
		// other
		// tests of this context chose
		try {
			java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(this.http.getRootUri() + path))
					.header(HttpHeaders.ACCEPT_LANGUAGE, language)
					.header(HttpHeaders.ACCEPT, "text/html")
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
			return ResponseEntity.status(response.statusCode()).body(response.body());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
