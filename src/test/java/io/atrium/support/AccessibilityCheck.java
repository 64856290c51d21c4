package io.atrium.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;

/**
 * Runs axe-core (the {@code axe.min.js} that Deque's {@code com.deque.html.axe-core} jar
 * carries on the test classpath) on the page the browser shows and lists the violations
 * with impact {@code serious} or {@code critical}; {@link Browser#checkPage()} fails on
 * any of them. The script goes in through WebDriver, which the page's
 * Content-Security-Policy does not apply to, so the production policy stays
 * {@code script-src 'self'}.
 */
final class AccessibilityCheck {

	/** Where Deque's jar keeps the script. */
	static final String AXE_SCRIPT = "axe.min.js";

	private static final String AXE_SOURCE = load();

	private static final String RUN = """
			const done = arguments[arguments.length - 1];
			axe.run(document, { resultTypes: ['violations'] }).then((results) => done(results.violations
			    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
			    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, url: v.helpUrl,
			        nodes: v.nodes.map((n) => JSON.stringify(n.target) + ' ' + n.html.substring(0, 160)
			            + (n.failureSummary ? ' :: ' + n.failureSummary.replace(/\\s+/g, ' ') : '')) }))))
			  .catch((e) => done([{ id: 'axe-error', impact: 'critical', help: String(e), url: '', nodes: [] }]));
			""";

	private AccessibilityCheck() {
	}

	/**
	 * @param page the browser, showing a loaded page
	 * @return one readable paragraph per serious or critical violation; empty when none
	 */
	@SuppressWarnings("unchecked")
	static List<String> seriousViolations(JavascriptExecutor page) {
		inject(page);
		List<Map<String, Object>> violations = (List<Map<String, Object>>) page.executeAsyncScript(RUN);
		List<String> problems = new ArrayList<>();
		for (Map<String, Object> v : violations) {
			StringBuilder text = new StringBuilder();
			text.append(v.get("id")).append(" (").append(v.get("impact")).append("): ").append(v.get("help"));
			text.append(" <").append(v.get("url")).append(">");
			for (Object node : (List<Object>) v.get("nodes")) {
				text.append("\n      ").append(node);
			}
			problems.add(text.toString());
		}
		return problems;
	}

	/**
	 * @param page the browser, showing a loaded page
	 * @return the version of axe-core that checks it, such as {@code 4.11.1}
	 */
	static String version(JavascriptExecutor page) {
		inject(page);
		return (String) page.executeScript("return axe.version;");
	}

	private static void inject(JavascriptExecutor page) {
		if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object';"))) {
			page.executeScript(AXE_SOURCE);
		}
	}

	private static String load() {
		try (InputStream in = AccessibilityCheck.class.getClassLoader().getResourceAsStream(AXE_SCRIPT)) {
			if (in == null) {
				throw new IllegalStateException(
						AXE_SCRIPT + " is not on the test classpath (com.deque.html.axe-core:selenium)");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
