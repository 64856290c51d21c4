package io.atrium.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import org.opentest4j.TestAbortedException;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Starts one {@link Browser} per test class, points it at the application's random port
 * ({@code local.server.port}, what {@code @LocalServerPort} reads), resets it before each
 * test and saves a screenshot and the HTML when a test fails. See {@link BrowserTest}.
 */
class BrowserExtension implements ExecutionCondition, BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
		AfterTestExecutionCallback, TestWatcher, ParameterResolver {

	static final Path FAILURES = Path.of("target", "browser-failures");

	private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
		.create(BrowserExtension.class);

	private static final Pattern INVOCATION = Pattern.compile("\\[test-template-invocation:#(\\d+)]");

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String missing = Chromium.missing();
		if (missing == null || Chromium.required()) {
			return ConditionEvaluationResult.enabled("the browser is installed, or required");
		}
		return ConditionEvaluationResult
			.disabled(missing + "; skipped (set ATRIUM_REQUIRE_BROWSER=true to fail instead)");
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		String missing = Chromium.missing();
		if (missing != null) {
			throw new IllegalStateException(missing + "; ATRIUM_REQUIRE_BROWSER=true, so this is a failure");
		}
		if (context.getStore(NAMESPACE).get(Browser.class) == null) {
			context.getStore(NAMESPACE).put(Browser.class, new Holder());
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		Holder holder = context.getStore(NAMESPACE).remove(Browser.class, Holder.class);
		if (holder != null) {
			holder.close();
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
		if (port == null) {
			throw new IllegalStateException("@BrowserTest needs a running server: add @AtriumIntegrationTest");
		}
		browser(context).reset("http://localhost:" + port);
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		context.getExecutionException()
			.filter((failure) -> !(failure instanceof TestAbortedException))
			.ifPresent((failure) -> saveFailure(context));
	}

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {
		// failures outside the test method itself (in @BeforeEach, say) were not saved
		// yet
		saveFailure(context);
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Browser.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return browser(context);
	}

	private static Browser browser(ExtensionContext context) {
		Holder holder = context.getStore(NAMESPACE).get(Browser.class, Holder.class);
		if (holder == null) {
			throw new IllegalStateException("No browser: annotate the test class with @BrowserTest");
		}
		return holder.browser();
	}

	private static void saveFailure(ExtensionContext context) {
		ExtensionContext.Store store = context.getStore(NAMESPACE);
		Holder holder = store.get(Browser.class, Holder.class);
		if (holder == null || holder.browser == null || store.get("saved") != null) {
			return;
		}
		store.put("saved", Boolean.TRUE);
		String name = context.getRequiredTestClass().getSimpleName() + "-"
				+ context.getTestMethod().map((m) -> m.getName()).orElse("class") + invocation(context);
		try {
			Path png = holder.browser.save(FAILURES, name);
			System.err
				.println("Browser test failed; screenshot " + png + ", page " + png.resolveSibling(name + ".html"));
		}
		catch (IOException | RuntimeException ex) {
			System.err.println("Browser test failed; could not save a screenshot: " + ex);
		}
	}

	private static String invocation(ExtensionContext context) {
		Matcher matcher = INVOCATION.matcher(context.getUniqueId());
		return matcher.find() ? "-" + matcher.group(1) : "";
	}

	/** Starts the browser the first time a test needs it. */
	private static final class Holder implements AutoCloseable {

		private Browser browser;

		synchronized Browser browser() {
			if (this.browser == null) {
				this.browser = Browser.start();
			}
			return this.browser;
		}

		@Override
		public synchronized void close() {
			if (this.browser != null) {
				this.browser.close();
				this.browser = null;
			}
		}

	}

}
