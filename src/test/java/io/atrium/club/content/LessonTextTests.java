package io.atrium.club.content;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page's Markdown as students get it: formatted, and never anything that runs.
 */
class LessonTextTests {

	@Test
	void plainTextParagraphsStayParagraphs() {
		assertThat(LessonText.html("Flour, water and salt.\n\nAnd time.\r\n\r\nMore."))
			.isEqualTo("<p>Flour, water and salt.</p>\n<p>And time.</p>\n<p>More.</p>\n");
		assertThat(LessonText.html(null)).isEmpty();
		assertThat(LessonText.html("  \n ")).isEmpty();
	}

	@Test
	void aTextIsCleanedOnceAndAnEditedTextAgain() {
		String text = "Knead for **ten** minutes. <script>alert(1)</script> " + System.nanoTime();
		String html = LessonText.html(text);
		assertThat(html).contains("<strong>ten</strong>").doesNotContain("script");
		assertThat(LessonText.html(new String(text))).isSameAs(html);
		assertThat(LessonText.html(text + " Then rest.")).isNotSameAs(html).endsWith(" Then rest.</p>\n");
	}

	@Test
	void markdownIsFormatted() {
		String html = LessonText.html("## Tools\n\n**Bold**, *italic* and `code`.\n\n- one\n- two\n\n"
				+ "| Flour | Water |\n|---|---|\n| 500 g | 350 g |\n\n> Rest overnight.");
		assertThat(html).contains("<h2>Tools</h2>")
			.contains("<strong>Bold</strong>")
			.contains("<em>italic</em>")
			.contains("<code>code</code>")
			.contains("<li>one</li>")
			.contains("<table>")
			.contains("<td>500 g</td>")
			.contains("<blockquote>");
	}

	@Test
	void scriptsFramesStylesAndHandlersAreRemoved() {
		String html = LessonText
			.html("Hello <script>alert(1)</script>\n\n" + "<iframe src=\"https://evil.example/\"></iframe>\n\n"
					+ "<p style=\"color:red\" onclick=\"alert(2)\">Styled</p>\n\n"
					+ "<img src=\"https://cdn.example/x.png\" onerror=\"alert(3)\">\n\n"
					+ "<form action=\"/x\"><input name=\"a\"></form>");
		assertThat(html).doesNotContainIgnoringCase("<script")
			.doesNotContain("alert(1)")
			.doesNotContainIgnoringCase("<iframe")
			.doesNotContain("style=")
			.doesNotContain("onclick")
			.doesNotContain("onerror")
			.doesNotContain("<form")
			.doesNotContain("<input")
			.contains("Styled")
			.contains("src=\"https://cdn.example/x.png\"");
	}

	@Test
	void javascriptLinksLoseTheirLinkAndLinksOpenSafely() {
		String html = LessonText.html("[click](javascript:alert(1)) and [site](https://example.com/a) and "
				+ "<a href=\"JaVaScRiPt:alert(2)\">raw</a> and [data](data:text/html,hi) and https://bare.example/x");
		assertThat(html).doesNotContainIgnoringCase("javascript:")
			.doesNotContain("data:")
			.contains("click")
			.contains("raw")
			.contains("<a href=\"https://example.com/a\" rel=\"noopener noreferrer\">site</a>")
			.contains("<a href=\"https://bare.example/x\" rel=\"noopener noreferrer\">");
	}

	@Test
	void imagesOnlyFromHttpsOrAtriumMedia() {
		assertThat(LessonText.html("![bread](https://cdn.example/bread.jpg)"))
			.contains("<img src=\"https://cdn.example/bread.jpg\" alt=\"bread\"");
		assertThat(LessonText.html("![bread](/media/abc123/bread.jpg)")).contains("src=\"/media/abc123/bread.jpg\"");
		assertThat(LessonText.html("![a](http://cdn.example/a.jpg)")).doesNotContain("<img");
		assertThat(LessonText.html("![a](/admin/secret.png)")).doesNotContain("<img");
		assertThat(LessonText.html("![a](//evil.example/a.png)")).doesNotContain("<img");
		assertThat(LessonText.html("![a](/media/../admin/a.png)")).doesNotContain("<img");
		assertThat(LessonText.html("![a](data:image/png;base64,AAAA)")).doesNotContain("<img");
		assertThat(LessonText.html("![a](javascript:alert(1))")).doesNotContain("<img").doesNotContain("javascript");
	}

}
