package io.atrium.notifications.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinkifiedTests {

	@Test
	void turnsHttpAndHttpsUrlsIntoLinks() {
		assertThat(Linkified.html("Activate: https://atrium.test/activate/abc123\nThanks"))
			.isEqualTo("Activate: <a href=\"https://atrium.test/activate/abc123\" rel=\"noopener noreferrer\">"
					+ "https://atrium.test/activate/abc123</a>\nThanks");
		assertThat(Linkified.html("see http://localhost:8080/x.")).isEqualTo(
				"see <a href=\"http://localhost:8080/x\" rel=\"noopener noreferrer\">http://localhost:8080/x</a>.");
	}

	@Test
	void escapesEverythingElse() {
		assertThat(Linkified.html("<script>alert(1)</script> & \"quotes\""))
			.isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;");
		assertThat(Linkified.html("perché l'e-mail")).isEqualTo("perché l&#39;e-mail");
	}

	@Test
	void linksOnlyWebAddresses() {
		assertThat(Linkified.html("javascript:alert(1) data:text/html,x ftp://host/file"))
			.isEqualTo("javascript:alert(1) data:text/html,x ftp://host/file");
	}

	@Test
	void escapesInsideLinks() {
		assertThat(Linkified.html("https://a.test/?x=1&y=2")).isEqualTo(
				"<a href=\"https://a.test/?x=1&amp;y=2\" rel=\"noopener noreferrer\">https://a.test/?x=1&amp;y=2</a>");
		assertThat(Linkified.html("https://a.test/\"onmouseover=\"x")).startsWith("<a href=\"https://a.test/\"")
			.contains("&quot;onmouseover=&quot;x");
	}

	@Test
	void handlesNothing() {
		assertThat(Linkified.html(null)).isEmpty();
		assertThat(Linkified.html("")).isEmpty();
	}

}
