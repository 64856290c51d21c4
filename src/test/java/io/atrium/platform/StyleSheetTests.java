package io.atrium.platform;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.htmlunit.cssparser.dom.CSSStyleRuleImpl;
import org.htmlunit.cssparser.dom.CSSStyleSheetImpl;
import org.htmlunit.cssparser.parser.CSSErrorHandler;
import org.htmlunit.cssparser.parser.CSSOMParser;
import org.htmlunit.cssparser.parser.CSSParseException;
import org.htmlunit.cssparser.parser.InputSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Atrium's own style sheets parse without a single error or warning in a real CSS parser
 * (HtmlUnit's CSS3 parser), so one missing brace can no longer swallow every rule after
 * it. The parser knows no CSS nesting: a rule inside another rule is an error here, on
 * purpose.
 */
class StyleSheetTests {

	private static final Path STATIC = Path.of("src/main/resources/static");

	@Test
	void everyStyleSheetParsesCleanly() throws IOException {
		List<Path> sheets;
		try (Stream<Path> files = Files.walk(STATIC)) {
			sheets = files.filter((p) -> p.toString().endsWith(".css")).sorted().toList();
		}
		assertThat(sheets).isNotEmpty();
		for (Path sheet : sheets) {
			assertThat(problems(Files.readString(sheet, StandardCharsets.UTF_8))).as(sheet.toString()).isEmpty();
		}
	}

	@Test
	void theRulesAtTheEndOfAtriumCssAreTopLevelRules() throws IOException {
		Parsed parsed = parse(Files.readString(STATIC.resolve("css/atrium.css"), StandardCharsets.UTF_8));
		List<String> selectors = parsed.sheet()
			.getCssRules()
			.getRules()
			.stream()
			.filter(CSSStyleRuleImpl.class::isInstance)
			.map((r) -> selector((CSSStyleRuleImpl) r))
			.toList();
		assertThat(selectors).contains(".atrium-rules td", ".club-progress", ".club-progress-bar");
		CSSStyleRuleImpl bar = parsed.sheet()
			.getCssRules()
			.getRules()
			.stream()
			.filter(CSSStyleRuleImpl.class::isInstance)
			.map(CSSStyleRuleImpl.class::cast)
			.filter((r) -> selector(r).equals(".club-progress-bar"))
			.findFirst()
			.orElseThrow();
		assertThat(bar.getStyle().getPropertyValue("width")).isEqualTo("10rem");
	}

	@Test
	void aMissingClosingBraceIsCaught() throws IOException {
		String broken = """
				.atrium-rules td {
				  min-width: 11rem;
				/* the next rule now sits inside the previous one */
				.club-progress {
				  display: flex;
				}
				""";
		assertThat(problems(broken)).isNotEmpty();
		assertThat(problems(broken.replace("11rem;\n", "11rem;\n}\n"))).isEmpty();
	}

	/** The parser writes {@code .a} as {@code *.a}. */
	private static String selector(CSSStyleRuleImpl rule) {
		return rule.getSelectorText().replace("*.", ".");
	}

	private static List<String> problems(String css) throws IOException {
		return parse(css).problems();
	}

	private static Parsed parse(String css) throws IOException {
		List<String> problems = new ArrayList<>();
		CSSOMParser parser = new CSSOMParser();
		parser.setErrorHandler(new CSSErrorHandler() {

			@Override
			public void warning(CSSParseException ex) {
				problems.add(describe("warning", ex));
			}

			@Override
			public void error(CSSParseException ex) {
				problems.add(describe("error", ex));
			}

			@Override
			public void fatalError(CSSParseException ex) {
				problems.add(describe("fatal error", ex));
			}

		});
		CSSStyleSheetImpl sheet = parser.parseStyleSheet(new InputSource(new StringReader(css)), null);
		return new Parsed(sheet, problems);
	}

	private static String describe(String kind, CSSParseException ex) {
		return kind + " at line " + ex.getLineNumber() + ", column " + ex.getColumnNumber() + ": " + ex.getMessage();
	}

	private record Parsed(CSSStyleSheetImpl sheet, List<String> problems) {
	}

}
