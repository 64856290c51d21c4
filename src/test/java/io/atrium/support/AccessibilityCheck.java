package io.atrium.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.webjars.WebJarVersionLocator;

/**
 * Runs axe-core (from the test classpath's webjar) on the page the browser shows and
 * lists the violations with impact {@code serious} or {@code critical}. The script goes
 * in through WebDriver, which the page's Content-Security-Policy does not apply to, so
 * the production policy stays {@code script-src 'self'}.
 */
final class AccessibilityCheck {

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
		if (!Boolean.TRUE.equals(page.executeScript("return typeof window.axe === 'object';"))) {
			page.executeScript(AXE_SOURCE);
		}
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

	private static String load() {
		String path = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
		if (path == null) {
			throw new IllegalStateException("axe-core webjar is not on the test classpath");
		}
		try (InputStream in = AccessibilityCheck.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("Cannot read " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
